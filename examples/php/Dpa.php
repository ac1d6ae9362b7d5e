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
 * field path. Handles are freed in __destruct; an agreement cannot be
 * cloned, serialised or unserialised (LogicException). Integers handed to
 * a C int32_t are range-checked (OUT_OF_RANGE naming the argument).
 *
 * The wrapper holds no rules: dates, names of values (month rules, deadline
 * kinds, impacts, formats), status numbers and file reading all come from
 * libdpa, which takes them from dpa-core. It only translates PHP values to
 * C and back.
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

    /** @internal DPA_STATUS_OK, as the loaded header defines it. */
    public static int $ok;

    private static ?FFI $ffi = null;
    /** A reused `char *` out-parameter and its address. */
    private static ?CData $str = null;
    private static ?CData $strAddr = null;
    /** A reused `size_t` out-parameter and its address. */
    private static ?CData $len = null;
    private static ?CData $lenAddr = null;
    /** A reused `uint32_t` out-parameter and its address. */
    private static ?CData $u32 = null;
    private static ?CData $u32Addr = null;
    /** A reused `dpa_date` out-parameter and its address. */
    private static ?CData $date = null;
    private static ?CData $dateAddr = null;
    /** @var array<string, array<string, int>> Enum numbers by type and name, as libdpa read them. */
    private static array $values = [];
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
        self::$ok = $ffi->DPA_STATUS_OK;
        self::$str = $ffi->new('char *');
        self::$strAddr = FFI::addr(self::$str);
        self::$len = $ffi->new('size_t');
        self::$lenAddr = FFI::addr(self::$len);
        self::$u32 = $ffi->new('uint32_t');
        self::$u32Addr = FFI::addr(self::$u32);
        self::$date = $ffi->new('dpa_date');
        self::$dateAddr = FFI::addr(self::$date);
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

    /**
     * The number of the status DPA_STATUS_$name (`'OK'`, `'IO_ERROR'`,
     * ...), as the header defines it: compare it with DpaException::$status.
     * An unknown name throws FFI\Exception.
     */
    public static function status(string $name): int
    {
        return self::ffi()->{"DPA_STATUS_$name"};
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
        if ($st === $ffi->DPA_STATUS_BUFFER_TOO_SMALL) {
            $size = $len->cdata + 1;
            $buf = $ffi->new("char[$size]");
            $st = $ffi->$function($buf, $size, FFI::addr($len));
        }
        return $st === self::$ok ? FFI::string($buf, $len->cdata) : '';
    }

    /**
     * @internal [year, month, day] of a date: `YYYY-MM-DD` text, read and
     * checked by libdpa (dpa_date_from_text), or the local date of a
     * DateTimeInterface (its numbers, which libdpa checks where they are
     * used). A bad date throws, naming $arg.
     */
    public static function ymd(string|\DateTimeInterface $date, string $arg): array
    {
        if ($date instanceof \DateTimeInterface) {
            return [self::int32((int) $date->format('Y'), $arg), (int) $date->format('n'), (int) $date->format('j')];
        }
        $ffi = self::ffi();
        $st = $ffi->dpa_date_from_text($date, strlen($date), self::$dateAddr);
        if ($st !== self::$ok) {
            self::failAs($st, 'text', $arg);
        }
        $d = self::$date;
        return [$d->year, $d->month, $d->day];
    }

    /**
     * @internal A date libdpa handed out as numbers, written `YYYY-MM-DD`
     * (libdpa's dates are in years 1 to 9999, so this is always the ISO
     * form; nothing is checked here).
     */
    public static function dateText(int $year, int $month, int $day): string
    {
        return sprintf('%04d-%02d-%02d', $year, $month, $day);
    }

    /**
     * @internal The C number of the value named $name of the libdpa
     * enumeration $type (`month_rule`, `deadline_kind`, `impact`, `format`),
     * as libdpa reads the name (dpa_<type>_from_name, dpa-core's spelling).
     * Remembered per process, so a name crosses into the library once. An
     * unknown name throws libdpa's message, which lists the names, naming
     * $arg.
     */
    public static function enum(string $type, string $name, string $arg): int
    {
        $n = self::$values[$type][$name] ?? null;
        if ($n !== null) {
            return $n;
        }
        $st = self::ffi()->{"dpa_{$type}_from_name"}($name, strlen($name), self::$u32Addr);
        if ($st !== self::$ok) {
            self::failAs($st, 'name', $arg);
        }
        return self::$values[$type][$name] = self::$u32->cdata;
    }

    /**
     * @internal Throws the DpaException for an argument the wrapper cannot
     * hand to libdpa as it is (a limit of the translation, not a rule of
     * dpa-core): status DPA_STATUS_$status, naming $arg.
     */
    public static function refuse(string $status, string $arg, string $message): never
    {
        $st = self::status($status);
        throw new DpaException($st, (string) self::$ffi->dpa_status_name($st), $arg, "$arg: $message");
    }

    /** The range of a C `int32_t`, which PHP's FFI would wrap silently. */
    public const INT32_MIN = -2147483648;
    public const INT32_MAX = 2147483647;

    /**
     * @internal $value as a C `int32_t` argument named $arg: PHP's 64-bit
     * integers outside -2^31..2^31-1 are refused (OUT_OF_RANGE, as libdpa
     * refuses a year or month count it cannot use), never wrapped by FFI
     * into another number.
     */
    public static function int32(int $value, string $arg): int
    {
        if ($value < self::INT32_MIN || $value > self::INT32_MAX) {
            self::refuse('OUT_OF_RANGE', $arg, "$value is outside the range of the C argument (int32_t, "
                . self::INT32_MIN . ' to ' . self::INT32_MAX . ')');
        }
        return $value;
    }

    /**
     * @internal The text of a batch: $items joined by line breaks, with a
     * final one, so that libdpa reads every item, an empty one too, as a line
     * of its own and names it by its index (dpa_agreement_deadlines_text,
     * dpa_add_months_text). An item that holds a line break would be read as
     * two: it is refused, naming $arg (a limit of the text the wrapper
     * sends, not a rule of dpa-core).
     */
    public static function batchText(array $items, string $arg): string
    {
        $text = implode("\n", $items) . "\n";
        if (substr_count($text, "\n") !== count($items)) {
            self::refuse('INVALID_VALUE', $arg, 'an item holds a line break, which the batch text cannot carry');
        }
        return $text;
    }
}

/**
 * A data processing agreement loaded into libdpa: immutable, freed when the
 * object is destroyed.
 */
final class Agreement
{
    /**
     * The names of the dpa_deadline_kind and dpa_bound numbers (from libdpa:
     * dpa_deadline_kind_name, dpa_bound_name), this wrapper's names of the
     * dpa_due_kind numbers (by the header's constants), and
     * DPA_IMPACT_UNSTATED; read once per process.
     * @var array{0: array<int, string>, 1: array<int, string>, 2: array<int, string>, 3: int}
     */
    private static array $tables = [];

    private FFI $ffi;
    private ?CData $handle;
    /** A reused dpa_deadline out-parameter and its address. */
    private CData $out;
    private CData $outAddr;
    /** The tables, per object (an object's properties are read faster than a class's). */
    private array $kindNames;
    private array $boundNames;
    private array $dueKinds;
    private int $unstated;
    /** @var array<string, int> DPA_DEADLINE_KIND_* numbers, by the constant's name, once read. */
    private array $kinds = [];
    /** DPA_STATUS_OK. */
    private int $ok;

    private function __construct(FFI $ffi, CData $handle)
    {
        $this->ffi = $ffi;
        $this->handle = $handle;
        $this->out = $ffi->new('dpa_deadline');
        $this->outAddr = FFI::addr($this->out);
        if (self::$tables === []) {
            self::$tables = [
                self::names(fn (int $n) => $ffi->dpa_deadline_kind_name($n)),
                self::names(fn (int $n) => $ffi->dpa_bound_name($n)),
                [
                    $ffi->DPA_DUE_KIND_DATE => 'date',
                    $ffi->DPA_DUE_KIND_INSTANT => 'instant',
                    $ffi->DPA_DUE_KIND_NONE => 'none',
                ],
                $ffi->DPA_IMPACT_UNSTATED,
            ];
        }
        [$this->kindNames, $this->boundNames, $this->dueKinds, $this->unstated] = self::$tables;
        $this->ok = Library::$ok;
        Library::$liveAgreements++;
    }

    /**
     * The names libdpa gives the numbers 0, 1, ... of an enumeration, up to
     * the first number without one.
     * @return array<int, string>
     */
    private static function names(callable $name): array
    {
        $names = [];
        for ($n = 0; ($s = $name($n)) !== null; $n++) {
            $names[$n] = $s;
        }
        return $names;
    }

    /** Reads an agreement from TOML text. @throws DpaException */
    public static function fromToml(string $text): self
    {
        return self::create('dpa_agreement_from_toml', $text);
    }

    /** Reads an agreement from JSON text. @throws DpaException */
    public static function fromJson(string $text): self
    {
        return self::create('dpa_agreement_from_json', $text);
    }

    /**
     * Reads an agreement file as the `dpa` command does
     * (dpa_agreement_from_file): at most 16 MiB (a larger file, or a device
     * that gives more, is refused with TOO_LARGE before it fills memory);
     * the format the name says (`.toml`, `.json`, in any case), else the one
     * the text shows. A file that cannot be read is IO_ERROR. @throws DpaException
     */
    public static function fromFile(string $path): self
    {
        return self::create('dpa_agreement_from_file', $path);
    }

    /** A new handle from $function(text, len, out). */
    private static function create(string $function, string $text): self
    {
        $ffi = Library::ffi();
        $handle = $ffi->new('dpa_agreement *');
        $st = $ffi->$function($text, strlen($text), FFI::addr($handle));
        if ($st !== Library::$ok) {
            Library::fail($st);
        }
        return new self($ffi, $handle);
    }

    public function __destruct()
    {
        // isset: an object made without the constructor (which unserialize()
        // refuses, but reflection can do) has no handle to free.
        if (isset($this->handle)) {
            $this->ffi->dpa_agreement_free($this->handle);
            $this->handle = null;
            Library::$liveAgreements--;
        }
    }

    /** Copying would free the handle twice. */
    private function __clone()
    {
    }

    /**
     * A handle lives in this process only: serialize() is refused with a
     * LogicException (write the agreement with toJson() or toToml()).
     */
    public function __serialize(): array
    {
        throw new \LogicException('serialise an agreement with toJson() or toToml()');
    }

    /**
     * unserialize() is refused with a LogicException: the text holds no
     * handle (read the agreement with fromJson() or fromToml()).
     */
    public function __unserialize(array $data): void
    {
        throw new \LogicException('an agreement cannot be unserialised: read it with fromJson() or fromToml()');
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
        if ($st !== $this->ok) {
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
        return $this->byText($this->kinds['DELETION'] ??= $this->ffi->DPA_DEADLINE_KIND_DELETION, $terminated, 'terminated');
    }

    public function backupDeletionDeadline(string|\DateTimeInterface $terminated): array
    {
        return $this->byText($this->kinds['BACKUP_DELETION'] ??= $this->ffi->DPA_DEADLINE_KIND_BACKUP_DELETION, $terminated, 'terminated');
    }

    public function nextAuditAllowed(string|\DateTimeInterface $lastAudit): array
    {
        return $this->byText($this->kinds['NEXT_AUDIT'] ??= $this->ffi->DPA_DEADLINE_KIND_NEXT_AUDIT, $lastAudit, 'last_audit');
    }

    public function earliestAuditDate(string|\DateTimeInterface $noticeGiven): array
    {
        return $this->byText($this->kinds['AUDIT_NOTICE'] ??= $this->ffi->DPA_DEADLINE_KIND_AUDIT_NOTICE, $noticeGiven, 'notice_given');
    }

    public function terminationWindowEnd(string|\DateTimeInterface $notified): array
    {
        return $this->byText($this->kinds['TERMINATION_WINDOW'] ??= $this->ffi->DPA_DEADLINE_KIND_TERMINATION_WINDOW, $notified, 'notified');
    }

    /**
     * The breach notice to the client; `due` is null without a fixed term.
     * $discovered: Unix seconds, a DateTimeInterface, or ISO 8601 text with
     * a UTC offset (without one it is refused, never guessed).
     */
    public function breachNoticeDeadline(int|string|\DateTimeInterface $discovered): array
    {
        return $this->instant(
            $this->kinds['BREACH_NOTICE'] ??= $this->ffi->DPA_DEADLINE_KIND_BREACH_NOTICE,
            'dpa_agreement_breach_notice_deadline',
            $discovered,
            'discovered'
        );
    }

    public function authorityNoticeDeadline(int|string|\DateTimeInterface $aware): array
    {
        return $this->instant(
            $this->kinds['AUTHORITY_NOTICE'] ??= $this->ffi->DPA_DEADLINE_KIND_AUTHORITY_NOTICE,
            'dpa_agreement_authority_notice_deadline',
            $aware,
            'aware'
        );
    }

    /** $impact: a name of dpa-core's impacts ("low", "high"). */
    public function serviceResponse(int|string|\DateTimeInterface $reported, string $impact): array
    {
        $i = Library::enum('impact', $impact, 'impact');
        if (is_string($reported)) {
            return $this->byText($this->kinds['SERVICE_RESPONSE'] ??= $this->ffi->DPA_DEADLINE_KIND_SERVICE_RESPONSE, $reported, 'reported', $i);
        }
        $t = $reported instanceof \DateTimeInterface ? $reported->getTimestamp() : $reported;
        $st = $this->ffi->dpa_agreement_service_response($this->handle, $t, $i, $this->outAddr);
        if ($st !== $this->ok) {
            Library::fail($st);
        }
        return $this->outArray();
    }

    /**
     * A deadline through dpa_agreement_deadline: the trigger as text, read by
     * libdpa (a DateTimeInterface as its local date). $impact: a dpa_impact
     * number, or null for DPA_IMPACT_UNSTATED.
     */
    private function byText(int $kind, string|\DateTimeInterface $from, string $arg, ?int $impact = null): array
    {
        if ($from instanceof \DateTimeInterface) {
            $from = $from->format('Y-m-d');
        }
        $st = $this->ffi->dpa_agreement_deadline(
            $this->handle,
            $kind,
            $from,
            strlen($from),
            $impact ?? $this->unstated,
            $this->outAddr
        );
        if ($st !== $this->ok) {
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
        if ($st !== $this->ok) {
            Library::fail($st);
        }
        return $this->outArray();
    }

    /** The reused out-parameter as an array; the names come from libdpa. */
    private function outArray(): array
    {
        $o = $this->out;
        $dueKind = $this->dueKinds[$o->due_kind];
        $none = $dueKind === 'none';
        return [
            'kind' => $this->kindNames[$o->kind],
            'bound' => $this->boundNames[$o->bound],
            'due_kind' => $dueKind,
            'due' => $none ? null : FFI::string($o->due_text),
            'ends_at_unix' => $none ? null : $o->due_unix,
            'shifted_from' => $o->shifted
                ? Library::dateText($o->shifted_from->year, $o->shifted_from->month, $o->shifted_from->day)
                : null,
        ];
    }

    /**
     * One deadline with everything `dpa deadline KIND FILE --from FROM
     * --format json` prints (citation and note included), decoded. $kind and
     * $impact are named as the command names them; service-response needs
     * an $impact, as the command needs --impact.
     */
    public function deadline(string $kind, string $from, ?string $impact = null): array
    {
        return json_decode($this->deadlineJson($kind, $from, $impact), true, 512, JSON_THROW_ON_ERROR);
    }

    /** The JSON text of deadline(), byte for byte as the command prints it. */
    public function deadlineJson(string $kind, string $from, ?string $impact = null): string
    {
        [$k, $i] = $this->kindAndImpact($kind, $impact);
        return $this->text('dpa_agreement_deadline_json', $k, $from, strlen($from), $i);
    }

    /** The C numbers of a deadline kind and an impact given by name. */
    private function kindAndImpact(string $kind, ?string $impact): array
    {
        return [
            Library::enum('deadline_kind', $kind, 'kind'),
            $impact === null ? $this->unstated : Library::enum('impact', $impact, 'impact'),
        ];
    }

    // -- Deadlines in bulk ----------------------------------------------------

    /**
     * The due date or instant of a deadline of $kind for every trigger in
     * $from, in one crossing: dates `YYYY-MM-DD` for the date kinds,
     * instants with a UTC offset for breach-notice, authority-notice and
     * service-response (which needs an $impact). Returns, in order,
     * `YYYY-MM-DD`, an instant `2026-03-29T09:30:00Z`, or null where the
     * agreement sets no fixed term. All or nothing: a bad trigger throws
     * (path `from[i]`).
     *
     * @param list<string> $from
     * @return list<?string>
     */
    public function dueDates(string $kind, array $from, ?string $impact = null): array
    {
        if ($from === []) {
            return [];
        }
        [$k, $i] = $this->kindAndImpact($kind, $impact);
        $text = Library::batchText($from, 'from');
        $out = explode("\n", $this->text('dpa_agreement_deadlines_text', $k, $text, strlen($text), $i));
        // `none` is how dpa_agreement_deadlines_text writes "no fixed term"
        // (dpa.h); PHP's answer for it is null.
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
     * Every consistency finding as of $at (default: today, UTC, as the
     * command's default): a list of arrays with code, severity, message,
     * citation and (where one applies) path.
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
     * (default: today, UTC), decoded: `on` and `assessments`. Each
     * assessment's `bases` hold each distinct claimed basis once, with the
     * `countries` its outcome is for (empty for a basis not tied to a
     * country, such as the SCCs: it holds for every country).
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
     * rights a notice on $notified (default: $new's effective date, as the
     * command's default) opens, decoded: versions, changes, significant,
     * termination_window, objection.
     */
    public function diff(Agreement $new, string|\DateTimeInterface|null $notified = null): array
    {
        return json_decode($this->diffJson($new, $notified), true, 512, JSON_THROW_ON_ERROR);
    }

    /** The JSON text `dpa diff OLD NEW --notified DATE --format json` prints. */
    public function diffJson(Agreement $new, string|\DateTimeInterface|null $notified = null): string
    {
        [$y, $m, $d] = $notified === null ? $new->effectiveYmd() : Library::ymd($notified, 'notified');
        [$s, $n] = Library::outString();
        $st = $this->ffi->dpa_agreement_diff_json($this->handle, $new->handle, $y, $m, $d, $s, $n);
        if ($st !== $this->ok) {
            Library::fail($st);
        }
        return Library::takeString();
    }

    /** The date the Data Pro Statement takes effect, `YYYY-MM-DD`. */
    public function effectiveDate(): string
    {
        return Library::dateText(...$this->effectiveYmd());
    }

    /**
     * The date the Data Pro Statement takes effect as the statement states
     * it (dpa_agreement_effective_stated_date): `precision` ("day", "month"
     * or "year"), `earliest` and `latest` (`YYYY-MM-DD`, the first and last
     * day it can mean). effectiveDate() refuses a month or a year
     * (INVALID_VALUE) rather than give its 1st.
     */
    public function effectiveStatedDate(): array
    {
        $s = $this->ffi->new('dpa_stated_date');
        $st = $this->ffi->dpa_agreement_effective_stated_date($this->handle, FFI::addr($s));
        if ($st !== $this->ok) {
            Library::fail($st);
        }
        $date = fn ($d) => Library::dateText($d->year, $d->month, $d->day);
        return [
            'precision' => ['day', 'month', 'year'][$s->precision],
            'earliest' => $date($s->earliest),
            'latest' => $date($s->latest),
        ];
    }

    /** [year, month, day] of the effective date (dpa_agreement_effective_date). */
    private function effectiveYmd(): array
    {
        $date = $this->ffi->new('dpa_date');
        $st = $this->ffi->dpa_agreement_effective_date($this->handle, FFI::addr($date));
        if ($st !== $this->ok) {
            Library::fail($st);
        }
        return [$date->year, $date->month, $date->day];
    }

    /**
     * The obligation timeline of an events document (TOML or JSON text) as
     * of $at, decoded: `at`, `obligations`, `findings`. $format names a
     * dpa_format: "auto" (libdpa guesses from the text), "toml" or "json".
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

    /**
     * The timeline as an iCalendar document (CRLF line ends), as `dpa
     * deadlines ... --format ics` prints it. $uidDomain is the domain of
     * every UID (default dpa.invalid: set a domain you control), $dtstamp
     * the DTSTAMP (an instant with a UTC offset, or a DateTimeInterface;
     * default now), $remind reminders as VALARMs ("7d,1d"), as the
     * command's --uid-domain, --dtstamp and --remind
     * (dpa_agreement_timeline_ics_with).
     */
    public function timelineIcs(
        string $events,
        string|\DateTimeInterface|null $at = null,
        string $format = 'auto',
        ?string $uidDomain = null,
        string|\DateTimeInterface|null $dtstamp = null,
        ?string $remind = null,
    ): string {
        if ($uidDomain === null && $dtstamp === null && $remind === null) {
            return $this->timelineText('dpa_agreement_timeline_ics', $events, $at, $format);
        }
        [$y, $m, $d] = Library::ymd($at ?? gmdate('Y-m-d'), 'at');
        $f = Library::enum('format', $format, 'format');
        if ($dtstamp instanceof \DateTimeInterface) {
            $dtstamp = $dtstamp->format(DATE_RFC3339);
        }
        $options = $this->ffi->new('dpa_ics_options');
        // The buffers live until the call returns.
        $keep = [];
        foreach (['uid_domain' => $uidDomain, 'dtstamp' => $dtstamp, 'remind' => $remind] as $field => $value) {
            if ($value === null) {
                continue;
            }
            $len = strlen($value);
            $buf = $this->ffi->new('char[' . max(1, $len) . ']');
            if ($len > 0) {
                FFI::memcpy($buf, $value, $len);
            }
            $keep[] = $buf;
            $options->$field = FFI::addr($buf[0]);
            $options->{$field . '_len'} = $len;
        }
        return $this->text(
            'dpa_agreement_timeline_ics_with',
            $events,
            strlen($events),
            $f,
            $y,
            $m,
            $d,
            FFI::addr($options),
        );
    }

    private function timelineText(string $function, string $events, string|\DateTimeInterface|null $at, string $format): string
    {
        [$y, $m, $d] = Library::ymd($at ?? gmdate('Y-m-d'), 'at');
        $f = Library::enum('format', $format, 'format');
        return $this->text($function, $events, strlen($events), $f, $y, $m, $d);
    }
}

/** Month arithmetic and the Dutch time-limit calendar (Algemene termijnenwet). */
final class Calendar
{
    private static ?FFI $ffi = null;
    /** @var array<string, int> dpa_month_rule numbers by name, as libdpa read them. */
    private static array $rules = [];
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

    /**
     * $date + $months under $rule (a name of dpa-core's month rules:
     * "clamp", "month-end-sticky", "thirty-days"): `YYYY-MM-DD` in and out.
     * One crossing, dpa_add_months_ymd_text: the text goes in as it is
     * (libdpa reads and checks it), the result comes back as one integer
     * `yyyymmdd`, or minus the status of an error (PHP's FFI charges per
     * argument and per out-parameter, so this is the cheapest call).
     */
    public static function addMonths(string|\DateTimeInterface $date, int $months, string $rule = 'clamp'): string
    {
        $ffi = self::$ffi ?? self::init();
        if ($date instanceof \DateTimeInterface) {
            $date = $date->format('Y-m-d');
        }
        $r = self::$rules[$rule] ??= Library::enum('month_rule', $rule, 'rule');
        if ($months > Library::INT32_MAX || $months < Library::INT32_MIN) {
            Library::int32($months, 'months');
        }
        $ymd = $ffi->dpa_add_months_ymd_text($date, strlen($date), $months, $r);
        if ($ymd <= 0) {
            Library::fail(-$ymd);
        }
        // Library::dateText, written out: one call less on the one-value path.
        return sprintf('%04d-%02d-%02d', intdiv($ymd, 10000), intdiv($ymd, 100) % 100, $ymd % 100);
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
        $r = Library::enum('month_rule', $rule, 'rule');
        Library::int32($months, 'months');
        $text = Library::batchText($dates, 'dates');
        [$s, $n] = Library::outString();
        $st = $ffi->dpa_add_months_text($text, strlen($text), $months, $r, $s, $n);
        if ($st !== Library::$ok) {
            Library::fail($st);
        }
        return explode("\n", Library::takeString());
    }

    /** Whether $date is a Dutch public holiday under the Algemene termijnenwet. */
    public static function isPublicHoliday(string|\DateTimeInterface $date): bool
    {
        $ffi = self::init();
        [$y, $m, $d] = Library::ymd($date, 'date');
        $st = $ffi->dpa_is_public_holiday($y, $m, $d, self::$boolAddr);
        if ($st !== Library::$ok) {
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
        if ($st !== Library::$ok) {
            Library::fail($st);
        }
        $r = self::$date;
        return Library::dateText($r->year, $r->month, $r->day);
    }

    /**
     * The public holidays of $year: a list of [date, name, dutch_name].
     * @return list<array{date: string, name: string, dutch_name: string}>
     */
    public static function publicHolidays(int $year): array
    {
        $ffi = self::init();
        Library::int32($year, 'year');
        $len = $ffi->new('size_t');
        $st = $ffi->dpa_public_holidays($year, null, 0, FFI::addr($len));
        if ($st !== Library::$ok && $st !== $ffi->DPA_STATUS_BUFFER_TOO_SMALL) {
            Library::fail($st);
        }
        $n = $len->cdata;
        if ($n === 0) {
            return [];
        }
        $list = $ffi->new("dpa_holiday_date[$n]");
        $st = $ffi->dpa_public_holidays($year, $list, $n, FFI::addr($len));
        if ($st !== Library::$ok) {
            Library::fail($st);
        }
        $out = [];
        for ($i = 0; $i < $len->cdata; $i++) {
            $h = $list[$i];
            $out[] = [
                'date' => Library::dateText($h->date->year, $h->date->month, $h->date->day),
                'name' => $ffi->dpa_holiday_name($h->holiday),
                'dutch_name' => $ffi->dpa_holiday_dutch_name($h->holiday),
            ];
        }
        return $out;
    }
}
