<?php
/**
 * Dpa: a small PHP 8 wrapper around libdpa through the FFI extension.
 *
 *   require 'examples/php/Dpa.php';
 *   $belco = Dpa\Agreement::fromFile('examples/agreements/belco.toml');
 *   $belco->deletionDeadline('2026-11-30')['due'];       // "2027-02-28"
 *   $belco->check('2026-11-23');                         // list of findings
 *
 * The library is found at the path given to Dpa\Library::load(), else in
 * the DPA_LIB environment variable, else in ../../target/{release,debug}
 * (this repository) and the usual lib directories. PHP's FFI must be
 * enabled: `ffi.enable=true` in php.ini, or preloading (see
 * docs/c-and-php.md; the CLI allows FFI by default).
 *
 * Speed: each FFI argument costs PHP 20-40 ns, so a call costs several
 * times a bare crossing. For many values use the batch methods
 * (Agreement::dueDates, Calendar::addMonthsMany): one crossing and a few
 * string functions for any number of values.
 *
 * Errors are Dpa\DpaException, with the libdpa status, its name and the
 * field path. Handles are freed in __destruct.
 */

declare(strict_types=1);

namespace Dpa;

use FFI;
use FFI\CData;

/** A failing libdpa call: the status, its name, the field path and the message. */
final class DpaException extends \RuntimeException
{
    public function __construct(
        public readonly int $status,
        public readonly string $statusName,
        public readonly string $path,
        string $message,
    ) {
        parent::__construct($message, $status);
    }
}

/** Loads libdpa once per process and holds the shared FFI state. */
final class Library
{
    /** The C ABI this wrapper is written for (DPA_ABI_VERSION in dpa.h). */
    public const ABI_VERSION = 1;

    /** dpa_status numbers (include/dpa.h). */
    public const OK = 0;
    public const NULL_ARGUMENT = 1;
    public const INVALID_UTF8 = 2;
    public const PARSE_ERROR = 3;
    public const INVALID_VALUE = 4;
    public const OUT_OF_RANGE = 5;
    public const BUFFER_TOO_SMALL = 6;
    public const TOO_LARGE = 7;
    public const PANIC = 8;

    /** dpa_deadline_kind numbers, by the names `dpa deadline` takes. */
    public const KINDS = [
        'deletion' => 0,
        'backup-deletion' => 1,
        'breach-notice' => 2,
        'authority-notice' => 3,
        'next-audit' => 4,
        'audit-notice' => 5,
        'termination-window' => 6,
        'service-response' => 7,
    ];
    public const MONTH_RULES = ['clamp' => 0, 'month-end-sticky' => 1, 'thirty-days' => 2];
    public const IMPACTS = ['low' => 0, 'high' => 1];
    public const FORMATS = ['auto' => 0, 'toml' => 1, 'json' => 2];

    private static ?FFI $ffi = null;
    /** A reused `char *` out-parameter and its address. */
    private static ?CData $str = null;
    private static ?CData $strAddr = null;
    /** A reused `size_t` out-parameter and its address. */
    private static ?CData $len = null;
    private static ?CData $lenAddr = null;
    /** Agreements alive (created and not yet destructed), for tests. */
    public static int $liveAgreements = 0;

    /**
     * Loads libdpa (once). With no path: the preloaded scope "DPA" if there
     * is one (opcache.preload / ffi.preload), else DPA_LIB, else a search.
     */
    public static function load(?string $libraryPath = null): FFI
    {
        if (self::$ffi !== null) {
            return self::$ffi;
        }
        if (!extension_loaded('ffi')) {
            throw new \RuntimeException('the PHP FFI extension is not loaded');
        }
        $ffi = null;
        if ($libraryPath === null && getenv('DPA_LIB') === false) {
            try {
                $ffi = FFI::scope('DPA');
            } catch (\Throwable) {
                $ffi = null;
            }
        }
        if ($ffi === null) {
            $path = $libraryPath ?? (getenv('DPA_LIB') ?: self::findLibrary());
            $absolute = realpath($path);
            if ($absolute === false) {
                throw new \RuntimeException("libdpa not found at $path (set DPA_LIB)");
            }
            // An absolute path: FFI resolves a relative one against the
            // process's working directory, not this file's.
            $ffi = FFI::cdef((string) file_get_contents(__DIR__ . '/dpa_php.h'), $absolute);
        }
        $abi = $ffi->dpa_abi_version();
        if ($abi !== self::ABI_VERSION) {
            throw new \RuntimeException(
                "libdpa has ABI version $abi; this wrapper needs " . self::ABI_VERSION
            );
        }
        self::$ffi = $ffi;
        self::$str = $ffi->new('char *');
        self::$strAddr = FFI::addr(self::$str);
        self::$len = $ffi->new('size_t');
        self::$lenAddr = FFI::addr(self::$len);
        return $ffi;
    }

    public static function ffi(): FFI
    {
        return self::$ffi ?? self::load();
    }

    /** The version of the loaded library, e.g. "0.1.0". */
    public static function version(): string
    {
        return self::ffi()->dpa_version();
    }

    private static function findLibrary(): string
    {
        $file = match (PHP_OS_FAMILY) {
            'Darwin' => 'libdpa.dylib',
            'Windows' => 'dpa.dll',
            default => 'libdpa.so',
        };
        $root = dirname(__DIR__, 2);
        foreach (
            [
                "$root/target/release/$file",
                "$root/target/debug/$file",
                "/usr/local/lib/$file",
                "/usr/lib/$file",
            ] as $candidate
        ) {
            if (is_file($candidate)) {
                return $candidate;
            }
        }
        return $file;
    }

    /** @internal The `char **out` and `size_t *out_len` arguments. */
    public static function outString(): array
    {
        self::ffi();
        return [self::$strAddr, self::$lenAddr];
    }

    /** @internal Takes the string a successful call handed out, and frees it. */
    public static function takeString(): string
    {
        $s = FFI::string(self::$str, self::$len->cdata);
        self::$ffi->dpa_string_free(self::$str);
        return $s;
    }

    /** @internal Throws the exception for a failed call (status != OK). */
    public static function fail(int $status): never
    {
        $ffi = self::ffi();
        $message = self::lastError('dpa_last_error_message');
        $path = self::lastError('dpa_last_error_path');
        throw new DpaException($status, (string) $ffi->dpa_status_name($status), $path, $message);
    }

    /** @internal As fail(), naming the argument $arg where libdpa named $path. */
    public static function failAs(int $status, string $path, string $arg): never
    {
        try {
            self::fail($status);
        } catch (DpaException $e) {
            if ($e->path !== $path) {
                throw $e;
            }
            $message = str_starts_with($e->getMessage(), "$path: ")
                ? $arg . substr($e->getMessage(), strlen($path))
                : $e->getMessage();
            throw new DpaException($e->status, $e->statusName, $arg, $message);
        }
    }

    private static function lastError(string $function): string
    {
        $ffi = self::$ffi;
        $buf = $ffi->new('char[512]');
        $len = $ffi->new('size_t');
        $st = $ffi->$function($buf, 512, FFI::addr($len));
        if ($st === self::BUFFER_TOO_SMALL) {
            $size = $len->cdata + 1;
            $buf = $ffi->new("char[$size]");
            $st = $ffi->$function($buf, $size, FFI::addr($len));
        }
        return $st === self::OK ? FFI::string($buf, $len->cdata) : '';
    }

    /** @internal A status for a PHP-side argument error. */
    public static function argumentError(string $arg, string $message, int $status = self::INVALID_VALUE): never
    {
        throw new DpaException($status, $status === self::OUT_OF_RANGE
            ? 'DPA_STATUS_OUT_OF_RANGE' : 'DPA_STATUS_INVALID_VALUE', $arg, "$arg: $message");
    }

    /**
     * @internal [year, month, day] of a `YYYY-MM-DD` string or the local
     * date of a DateTimeInterface. libdpa checks that the date exists.
     */
    public static function ymd(string|\DateTimeInterface $date, string $arg): array
    {
        if ($date instanceof \DateTimeInterface) {
            return [(int) $date->format('Y'), (int) $date->format('n'), (int) $date->format('j')];
        }
        if (
            strlen($date) !== 10 || $date[4] !== '-' || $date[7] !== '-'
            || !ctype_digit(substr($date, 0, 4) . substr($date, 5, 2) . substr($date, 8, 2))
        ) {
            self::argumentError($arg, "`$date` is not a date: expected YYYY-MM-DD");
        }
        return [(int) substr($date, 0, 4), (int) substr($date, 5, 2), (int) substr($date, 8, 2)];
    }

    /** @internal The number of an enum given by name. */
    public static function enum(array $names, string $name, string $arg): int
    {
        return $names[$name] ?? self::argumentError(
            $arg,
            "unknown value `$name`: expected one of " . implode(', ', array_keys($names))
        );
    }
}

/**
 * A data processing agreement loaded into libdpa: immutable, freed when the
 * object is destroyed.
 */
final class Agreement
{
    private const DUE_KINDS = ['date', 'instant', 'none'];
    private const KIND_NAMES = [
        'deletion', 'backup-deletion', 'breach-notice', 'authority-notice',
        'next-audit', 'audit-notice', 'termination-window', 'service-response',
    ];
    private const BOUNDS = ['no-later-than', 'no-earlier-than'];

    private FFI $ffi;
    private ?CData $handle;
    /** A reused dpa_deadline out-parameter and its address. */
    private CData $out;
    private CData $outAddr;

    private function __construct(FFI $ffi, CData $handle)
    {
        $this->ffi = $ffi;
        $this->handle = $handle;
        $this->out = $ffi->new('dpa_deadline');
        $this->outAddr = FFI::addr($this->out);
        Library::$liveAgreements++;
    }

    /** Reads an agreement from TOML text. @throws DpaException */
    public static function fromToml(string $text): self
    {
        return self::parse($text, 'dpa_agreement_from_toml');
    }

    /** Reads an agreement from JSON text. @throws DpaException */
    public static function fromJson(string $text): self
    {
        return self::parse($text, 'dpa_agreement_from_json');
    }

    /** Reads a .toml or .json file (by extension; TOML otherwise). */
    public static function fromFile(string $path): self
    {
        $text = @file_get_contents($path);
        if ($text === false) {
            throw new \RuntimeException("cannot read $path");
        }
        return str_ends_with(strtolower($path), '.json') ? self::fromJson($text) : self::fromToml($text);
    }

    private static function parse(string $text, string $function): self
    {
        $ffi = Library::ffi();
        $handle = $ffi->new('dpa_agreement *');
        $st = $ffi->$function($text, strlen($text), FFI::addr($handle));
        if ($st !== Library::OK) {
            Library::fail($st);
        }
        return new self($ffi, $handle);
    }

    public function __destruct()
    {
        if ($this->handle !== null) {
            $this->ffi->dpa_agreement_free($this->handle);
            $this->handle = null;
            Library::$liveAgreements--;
        }
    }

    /** Copying would free the handle twice. */
    private function __clone()
    {
    }

    public function __serialize(): array
    {
        throw new \LogicException('serialise an agreement with toJson() or toToml()');
    }

    /** The agreement as TOML. */
    public function toToml(): string
    {
        return $this->text('dpa_agreement_to_toml');
    }

    /** The agreement as JSON, as `dpa show --format json` prints it. */
    public function toJson(): string
    {
        return $this->text('dpa_agreement_to_json');
    }

    private function text(string $function, mixed ...$args): string
    {
        [$s, $n] = Library::outString();
        $st = $this->ffi->$function($this->handle, ...[...$args, $s, $n]);
        if ($st !== Library::OK) {
            Library::fail($st);
        }
        return Library::takeString();
    }

    // -- Deadlines, one at a time --------------------------------------------

    /**
     * The deletion deadline after termination on $terminated
     * (`YYYY-MM-DD` or a DateTimeInterface's local date): an array with
     * kind, bound, due_kind ("date", "instant" or "none"), due
     * (`2027-02-28`, an instant `2026-03-29T09:30:00Z`, or null without a
     * fixed term), ends_at_unix (when the date ends, 24:00 in the
     * processor's time zone, or the instant) and shifted_from. The citation
     * and note are in deadline().
     */
    public function deletionDeadline(string|\DateTimeInterface $terminated): array
    {
        return $this->byText(0, $terminated, 'terminated');
    }

    public function backupDeletionDeadline(string|\DateTimeInterface $terminated): array
    {
        return $this->byText(1, $terminated, 'terminated');
    }

    public function nextAuditAllowed(string|\DateTimeInterface $lastAudit): array
    {
        return $this->byText(4, $lastAudit, 'last_audit');
    }

    public function earliestAuditDate(string|\DateTimeInterface $noticeGiven): array
    {
        return $this->byText(5, $noticeGiven, 'notice_given');
    }

    public function terminationWindowEnd(string|\DateTimeInterface $notified): array
    {
        return $this->byText(6, $notified, 'notified');
    }

    /**
     * The breach notice to the client; `due` is null without a fixed term.
     * $discovered: Unix seconds, a DateTimeInterface, or ISO 8601 text with
     * a UTC offset (without one it is refused, never guessed).
     */
    public function breachNoticeDeadline(int|string|\DateTimeInterface $discovered): array
    {
        return $this->instant(2, 'dpa_agreement_breach_notice_deadline', $discovered, 'discovered');
    }

    public function authorityNoticeDeadline(int|string|\DateTimeInterface $aware): array
    {
        return $this->instant(3, 'dpa_agreement_authority_notice_deadline', $aware, 'aware');
    }

    /** $impact: "low" or "high". */
    public function serviceResponse(int|string|\DateTimeInterface $reported, string $impact): array
    {
        $i = Library::enum(Library::IMPACTS, $impact, 'impact');
        if (is_string($reported)) {
            return $this->byText(7, $reported, 'reported', $i);
        }
        $t = $reported instanceof \DateTimeInterface ? $reported->getTimestamp() : $reported;
        $st = $this->ffi->dpa_agreement_service_response($this->handle, $t, $i, $this->outAddr);
        if ($st !== Library::OK) {
            Library::fail($st);
        }
        return $this->outArray();
    }

    /** A deadline through dpa_agreement_deadline: the trigger as text, parsed by libdpa. */
    private function byText(int $kind, string|\DateTimeInterface $from, string $arg, int $impact = 0): array
    {
        if ($from instanceof \DateTimeInterface) {
            $from = $from->format('Y-m-d');
        }
        $st = $this->ffi->dpa_agreement_deadline($this->handle, $kind, $from, strlen($from), $impact, $this->outAddr);
        if ($st !== Library::OK) {
            Library::failAs($st, 'from', $arg);
        }
        return $this->outArray();
    }

    private function instant(int $kind, string $function, int|string|\DateTimeInterface $at, string $arg): array
    {
        if (is_string($at)) {
            return $this->byText($kind, $at, $arg);
        }
        $t = $at instanceof \DateTimeInterface ? $at->getTimestamp() : $at;
        $st = $this->ffi->$function($this->handle, $t, $this->outAddr);
        if ($st !== Library::OK) {
            Library::fail($st);
        }
        return $this->outArray();
    }

    /** The reused out-parameter as an array. */
    private function outArray(): array
    {
        $o = $this->out;
        $dueKind = $o->due_kind;
        return [
            'kind' => self::KIND_NAMES[$o->kind],
            'bound' => self::BOUNDS[$o->bound],
            'due_kind' => self::DUE_KINDS[$dueKind],
            'due' => $dueKind === 2 ? null : FFI::string($o->due_text),
            'ends_at_unix' => $dueKind === 2 ? null : $o->due_unix,
            'shifted_from' => $o->shifted
                ? sprintf('%04d-%02d-%02d', $o->shifted_from->year, $o->shifted_from->month, $o->shifted_from->day)
                : null,
        ];
    }

    /**
     * One deadline with everything `dpa deadline KIND FILE --from FROM
     * --format json` prints (citation and note included), decoded.
     */
    public function deadline(string $kind, string $from, ?string $impact = null): array
    {
        return json_decode($this->deadlineJson($kind, $from, $impact), true, 512, JSON_THROW_ON_ERROR);
    }

    /** The JSON text of deadline(), byte for byte as the command prints it. */
    public function deadlineJson(string $kind, string $from, ?string $impact = null): string
    {
        $k = Library::enum(Library::KINDS, $kind, 'kind');
        $i = $impact === null ? 0 : Library::enum(Library::IMPACTS, $impact, 'impact');
        return $this->text('dpa_agreement_deadline_json', $k, $from, strlen($from), $i);
    }

    // -- Deadlines in bulk ----------------------------------------------------

    /**
     * The due date or instant of a deadline of $kind for every trigger in
     * $from, in one crossing: dates `YYYY-MM-DD` for the date kinds,
     * instants with a UTC offset for breach-notice, authority-notice and
     * service-response. Returns, in order, `YYYY-MM-DD`, an instant
     * `2026-03-29T09:30:00Z`, or null where the agreement sets no fixed
     * term. All or nothing: a bad trigger throws (path `from[i]`).
     *
     * @param list<string> $from
     * @return list<?string>
     */
    public function dueDates(string $kind, array $from, ?string $impact = null): array
    {
        if ($from === []) {
            return [];
        }
        $k = Library::enum(Library::KINDS, $kind, 'kind');
        $i = $impact === null ? 0 : Library::enum(Library::IMPACTS, $impact, 'impact');
        $text = implode("\n", $from);
        $out = explode("\n", $this->text('dpa_agreement_deadlines_text', $k, $text, strlen($text), $i));
        if (count($out) !== count($from)) {
            Library::argumentError('from', 'a trigger is empty or holds a line break');
        }
        if (in_array('none', $out, true)) {
            foreach ($out as $n => $due) {
                if ($due === 'none') {
                    $out[$n] = null;
                }
            }
        }
        return $out;
    }

    /** dueDates('deletion', $terminated). @return list<string> */
    public function deletionDeadlines(array $terminated): array
    {
        return $this->dueDates('deletion', $terminated);
    }

    // -- Checks and the timeline ----------------------------------------------

    /**
     * Every consistency finding as of $at (default: today, UTC): a list of
     * arrays with code, severity, message, citation and (where one applies)
     * path.
     */
    public function check(string|\DateTimeInterface|null $at = null): array
    {
        return json_decode($this->checkJson($at), true, 512, JSON_THROW_ON_ERROR)['findings'];
    }

    /** The JSON text `dpa check FILE --at AT --format json` prints. */
    public function checkJson(string|\DateTimeInterface|null $at = null): string
    {
        [$y, $m, $d] = Library::ymd($at ?? gmdate('Y-m-d'), 'at');
        return $this->text('dpa_agreement_check_json', $y, $m, $d);
    }

    /**
     * Every sub-processor's transfers outside the EEA assessed on $on
     * (default: today, UTC), decoded: `on` and `assessments`.
     */
    public function transfers(string|\DateTimeInterface|null $on = null): array
    {
        return json_decode($this->transfersJson($on), true, 512, JSON_THROW_ON_ERROR);
    }

    /** The JSON text `dpa transfers FILE --on ON --format json` prints. */
    public function transfersJson(string|\DateTimeInterface|null $on = null): string
    {
        [$y, $m, $d] = Library::ymd($on ?? gmdate('Y-m-d'), 'on');
        return $this->text('dpa_agreement_transfers_json', $y, $m, $d);
    }

    /**
     * Which clauses cover each item GDPR art. 28 requires of a processing
     * agreement (art. 28(2), 28(3)(a)-(h), 28(4)) after the agreement's
     * deviations: a list of ten arrays, in article order, with `id`
     * (`28-3-b`), `article` (`GDPR art. 28(3)(b)`), `name`, `clauses`
     * (`['clause 2.5.1']`; empty when uncovered) and `covered` (bool).
     */
    public function coverage(): array
    {
        return json_decode($this->coverageJson(), true, 512, JSON_THROW_ON_ERROR)['coverage'];
    }

    /** The JSON text `dpa coverage FILE --format json` prints. */
    public function coverageJson(): string
    {
        return $this->text('dpa_agreement_coverage_json');
    }

    /**
     * What changed from this agreement (the old version) to $new, and the
     * rights a notice on $notified (default: $new's effective date) opens,
     * decoded: versions, changes, significant, termination_window, objection.
     */
    public function diff(Agreement $new, string|\DateTimeInterface|null $notified = null): array
    {
        return json_decode($this->diffJson($new, $notified), true, 512, JSON_THROW_ON_ERROR);
    }

    /** The JSON text `dpa diff OLD NEW --notified DATE --format json` prints. */
    public function diffJson(Agreement $new, string|\DateTimeInterface|null $notified = null): string
    {
        [$y, $m, $d] = Library::ymd($notified ?? $new->effectiveDate(), 'notified');
        [$s, $n] = Library::outString();
        $st = $this->ffi->dpa_agreement_diff_json($this->handle, $new->handle, $y, $m, $d, $s, $n);
        if ($st !== Library::OK) {
            Library::fail($st);
        }
        return Library::takeString();
    }

    /** The date the Data Pro Statement takes effect, `YYYY-MM-DD`. */
    public function effectiveDate(): string
    {
        $date = $this->ffi->new('dpa_date');
        $st = $this->ffi->dpa_agreement_effective_date($this->handle, FFI::addr($date));
        if ($st !== Library::OK) {
            Library::fail($st);
        }
        return sprintf('%04d-%02d-%02d', $date->year, $date->month, $date->day);
    }

    /**
     * The obligation timeline of an events document (TOML or JSON text) as
     * of $at, decoded: `at`, `obligations`, `findings`.
     */
    public function timeline(string $events, string|\DateTimeInterface|null $at = null, string $format = 'auto'): array
    {
        return json_decode($this->timelineJson($events, $at, $format), true, 512, JSON_THROW_ON_ERROR);
    }

    /** The JSON text `dpa deadlines FILE --events E --at AT --format json` prints. */
    public function timelineJson(string $events, string|\DateTimeInterface|null $at = null, string $format = 'auto'): string
    {
        return $this->timelineText('dpa_agreement_timeline_json', $events, $at, $format);
    }

    /** The timeline as an iCalendar document (CRLF line ends). */
    public function timelineIcs(string $events, string|\DateTimeInterface|null $at = null, string $format = 'auto'): string
    {
        return $this->timelineText('dpa_agreement_timeline_ics', $events, $at, $format);
    }

    private function timelineText(string $function, string $events, string|\DateTimeInterface|null $at, string $format): string
    {
        [$y, $m, $d] = Library::ymd($at ?? gmdate('Y-m-d'), 'at');
        $f = Library::enum(Library::FORMATS, $format, 'format');
        return $this->text($function, $events, strlen($events), $f, $y, $m, $d);
    }
}

/** Month arithmetic and the Dutch time-limit calendar (Algemene termijnenwet). */
final class Calendar
{
    private static ?FFI $ffi = null;
    private static ?CData $date = null;
    private static ?CData $dateAddr = null;
    private static ?CData $bool = null;
    private static ?CData $boolAddr = null;

    private static function init(): FFI
    {
        $ffi = Library::ffi();
        if (self::$date === null) {
            self::$date = $ffi->new('dpa_date');
            self::$dateAddr = FFI::addr(self::$date);
            self::$bool = $ffi->new('bool');
            self::$boolAddr = FFI::addr(self::$bool);
        }
        return self::$ffi = $ffi;
    }

    private static function dateText(): string
    {
        $d = self::$date;
        return sprintf('%04d-%02d-%02d', $d->year, $d->month, $d->day);
    }

    /**
     * $date + $months under $rule ("clamp", "month-end-sticky",
     * "thirty-days"): `YYYY-MM-DD` in and out. (Through the by-value call
     * dpa_add_months_ymd: for PHP's FFI, which charges per argument, two or
     * three integers and an integer back are the cheapest crossing. On an
     * error, or text not shaped YYYY-MM-DD, it asks the text call instead,
     * for the status and message.)
     */
    public static function addMonths(string|\DateTimeInterface $date, int $months, string $rule = 'clamp'): string
    {
        $ffi = self::$ffi ?? self::init();
        if ($date instanceof \DateTimeInterface) {
            $date = $date->format('Y-m-d');
        }
        if (
            strlen($date) === 10 && $date[4] === '-' && $date[7] === '-'
            && strlen($n = str_replace('-', '', $date)) === 8 && ctype_digit($n)
        ) {
            $ymd = $rule === 'clamp'
                ? $ffi->dpa_add_months_ymd((int) $n, $months)
                : $ffi->dpa_add_months_ymd_rule(
                    (int) $n,
                    $months,
                    Library::MONTH_RULES[$rule] ?? Library::enum(Library::MONTH_RULES, $rule, 'rule')
                );
            if ($ymd !== 0) {
                return sprintf('%04d-%02d-%02d', intdiv($ymd, 10000), intdiv($ymd, 100) % 100, $ymd % 100);
            }
        } elseif ($date === '' || str_contains($date, "\n")) {
            Library::argumentError('date', "`$date` is not a date: expected YYYY-MM-DD");
        }
        return self::addMonthsText($ffi, $date, $months, $rule);
    }

    /** addMonths() through the text call, which gives the status of an error. */
    private static function addMonthsText(FFI $ffi, string $date, int $months, string $rule): string
    {
        $r = Library::MONTH_RULES[$rule] ?? Library::enum(Library::MONTH_RULES, $rule, 'rule');
        [$s, $n] = Library::outString();
        $st = $ffi->dpa_add_months_text($date, strlen($date), $months, $r, $s, $n);
        if ($st !== Library::OK) {
            Library::failAs($st, 'dates[0]', 'date');
        }
        return Library::takeString();
    }

    /**
     * addMonths() for many dates (`YYYY-MM-DD`) in one crossing; all or
     * nothing (path `dates[i]`).
     *
     * @param list<string> $dates
     * @return list<string>
     */
    public static function addMonthsMany(array $dates, int $months, string $rule = 'clamp'): array
    {
        if ($dates === []) {
            return [];
        }
        $ffi = self::init();
        $r = Library::enum(Library::MONTH_RULES, $rule, 'rule');
        $text = implode("\n", $dates);
        [$s, $n] = Library::outString();
        $st = $ffi->dpa_add_months_text($text, strlen($text), $months, $r, $s, $n);
        if ($st !== Library::OK) {
            Library::fail($st);
        }
        $out = explode("\n", Library::takeString());
        if (count($out) !== count($dates)) {
            Library::argumentError('dates', 'a date is empty or holds a line break');
        }
        return $out;
    }

    /** Whether $date is a Dutch public holiday under the Algemene termijnenwet. */
    public static function isPublicHoliday(string|\DateTimeInterface $date): bool
    {
        $ffi = self::init();
        [$y, $m, $d] = Library::ymd($date, 'date');
        $st = $ffi->dpa_is_public_holiday($y, $m, $d, self::$boolAddr);
        if ($st !== Library::OK) {
            Library::fail($st);
        }
        return self::$bool->cdata;
    }

    /** The first business day on or after $date. */
    public static function nextBusinessDay(string|\DateTimeInterface $date): string
    {
        $ffi = self::init();
        [$y, $m, $d] = Library::ymd($date, 'date');
        $st = $ffi->dpa_next_business_day($y, $m, $d, self::$dateAddr);
        if ($st !== Library::OK) {
            Library::fail($st);
        }
        return self::dateText();
    }

    /**
     * The public holidays of $year: a list of [date, name, dutch_name].
     * @return list<array{date: string, name: string, dutch_name: string}>
     */
    public static function publicHolidays(int $year): array
    {
        $ffi = self::init();
        $len = $ffi->new('size_t');
        $st = $ffi->dpa_public_holidays($year, null, 0, FFI::addr($len));
        if ($st !== Library::OK && $st !== Library::BUFFER_TOO_SMALL) {
            Library::fail($st);
        }
        $n = $len->cdata;
        if ($n === 0) {
            return [];
        }
        $list = $ffi->new("dpa_holiday_date[$n]");
        $st = $ffi->dpa_public_holidays($year, $list, $n, FFI::addr($len));
        if ($st !== Library::OK) {
            Library::fail($st);
        }
        $out = [];
        for ($i = 0; $i < $len->cdata; $i++) {
            $h = $list[$i];
            $out[] = [
                'date' => sprintf('%04d-%02d-%02d', $h->date->year, $h->date->month, $h->date->day),
                'name' => $ffi->dpa_holiday_name($h->holiday),
                'dutch_name' => $ffi->dpa_holiday_dutch_name($h->holiday),
            ];
        }
        return $out;
    }
}
