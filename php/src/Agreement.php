<?php

declare(strict_types=1);

namespace Dpa;

use FFI;
use FFI\CData;

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
     * @var array{0: array<int, string>, 1: array<int, string>, 2: array<int, string>, 3: int, 4: array<int, string>}
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
    /** @var array<int, string> dpa_provenance numbers to their spellings */
    private array $provenances;
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
                [
                    $ffi->DPA_PROVENANCE_STATED => 'stated',
                    $ffi->DPA_PROVENANCE_STANDARD => 'standard',
                    $ffi->DPA_PROVENANCE_ASSUMED => 'assumed',
                    $ffi->DPA_PROVENANCE_NOT_STATED => 'not-stated',
                ],
            ];
        }
        [$this->kindNames, $this->boundNames, $this->dueKinds, $this->unstated, $this->provenances] = self::$tables;
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
            'provenance' => $this->provenances[$o->provenance],
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
