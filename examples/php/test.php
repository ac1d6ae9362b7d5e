<?php
/**
 * Tests of the PHP wrapper and of libdpa through PHP's FFI: results on the
 * seed agreements, exceptions with status, name and field path for every
 * kind of error, and handles freed by __destruct.
 *
 *   php examples/php/test.php        (from the repository root)
 *
 * Exit status 0 when every check passes.
 */

declare(strict_types=1);

require __DIR__ . '/Dpa.php';

use Dpa\Agreement;
use Dpa\Calendar;
use Dpa\DpaException;
use Dpa\Library;

$checks = 0;
$failures = 0;

function check(bool $ok, string $what): void
{
    global $checks, $failures;
    $checks++;
    if (!$ok) {
        $failures++;
        $line = debug_backtrace()[0]['line'];
        fwrite(STDERR, "test.php:$line: check failed: $what\n");
    }
}

/** Runs $f, which must throw a DpaException with $status (and $path). */
function throws(callable $f, int $status, ?string $path = null, ?string $inMessage = null): void
{
    try {
        $f();
        check(false, "expected status $status, got no exception");
    } catch (DpaException $e) {
        check($e->status === $status, "status {$e->status} ({$e->statusName}: {$e->getMessage()}), expected $status");
        if ($path !== null) {
            check($e->path === $path, "path '{$e->path}', expected '$path'");
        }
        if ($inMessage !== null) {
            check(str_contains($e->getMessage(), $inMessage), "message '{$e->getMessage()}' lacks '$inMessage'");
        }
        check($e->getMessage() !== '', 'an error has a message');
    }
}

$root = dirname(__DIR__, 2);
$belcoToml = (string) file_get_contents("$root/examples/agreements/belco.toml");

// Versions.
check(Library::ffi()->dpa_abi_version() === Library::ABI_VERSION, 'ABI version');
check(preg_match('/^\d+\.\d+\.\d+$/', Library::version()) === 1, 'version string');

// Status numbers come from the header PHP loaded (dpa_php.h): each one of
// include/dpa.h, with the name libdpa gives it.
preg_match_all('/^\s*DPA_STATUS_([A-Z0-9_]+) = (\d+),/m', (string) file_get_contents("$root/include/dpa.h"), $statuses, PREG_SET_ORDER);
check(count($statuses) >= 10, 'dpa.h lists the statuses');
foreach ($statuses as [, $name, $number]) {
    check(Library::status($name) === (int) $number, "Library::status('$name') is $number, as in dpa.h");
    check(Library::ffi()->dpa_status_name((int) $number) === "DPA_STATUS_$name", "dpa_status_name($number)");
}
check(Library::status('IO_ERROR') === 9, 'IO_ERROR');
try {
    Library::status('NO_SUCH_STATUS');
    check(false, 'an unknown status name throws');
} catch (FFI\Exception) {
    check(true, 'an unknown status name throws');
}

// The seed agreements.
$belco = Agreement::fromToml($belcoToml);
$alles = Agreement::fromFile("$root/examples/agreements/alles-online.toml");
$d = $belco->deletionDeadline('2026-11-30');
check($d['due'] === '2027-02-28', 'Belco deletion 2027-02-28');
check($d['due_kind'] === 'date' && $d['bound'] === 'no-later-than', 'deletion is a latest date');
check($d['ends_at_unix'] === 1803855600, 'the day ends at 24:00 Amsterdam time (2027-02-28T23:00:00Z)');
check($belco->deletionDeadline(new DateTimeImmutable('2026-11-30'))['due'] === '2027-02-28', 'DateTime input');
$b = $belco->breachNoticeDeadline('2026-03-28T10:30:00+01:00');
check($b['due'] === '2026-03-29T09:30:00Z' && $b['ends_at_unix'] === 1774776600, 'Belco breach notice');
check($belco->breachNoticeDeadline(1774690200)['ends_at_unix'] === 1774776600, 'Unix seconds input');
$none = $alles->breachNoticeDeadline('2026-03-28T10:30:00+01:00');
check($none['due'] === null && $none['due_kind'] === 'none', 'Alles Online: no fixed term');
check($belco->authorityNoticeDeadline(1774690200)['ends_at_unix'] === 1774690200 + 72 * 3600, '72 hours');
check($belco->nextAuditAllowed('2026-05-04')['bound'] === 'no-earlier-than', 'next audit');
check($belco->earliestAuditDate('2026-04-20')['kind'] === 'audit-notice', 'audit notice');
check($belco->terminationWindowEnd('2026-01-10')['kind'] === 'termination-window', 'termination window');
check($belco->backupDeletionDeadline('2026-11-30')['kind'] === 'backup-deletion', 'backup deletion');
check($belco->serviceResponse(1774690200, 'high')['ends_at_unix'] === 1774690200, 'high impact: at once');
// Belco DPS 1.15: low impact "binnen de eerstvolgende kantooruren" (09:00 t/m
// 17:00): reported Saturday 28 March 2026 10:30, due by the end of Monday's
// office hours, 17:00 CEST = 15:00 UTC.
check($belco->serviceResponse(1774690200, 'low')['ends_at_unix'] === 1774882800, 'low impact: end of next office hours');
throws(fn () => $alles->serviceResponse(1774690200, 'low'), Library::status('INVALID_VALUE'), 'statement.service_level');

$full = $belco->deadline('deletion', '2026-11-30');
check($full['due'] === '2027-02-28' && $full['citation'] === 'DPS 1.11, clause 2.6.3', 'deadline JSON');

// Batches give what single calls give.
$dates = ['2026-11-30', '2024-01-31', '2026-08-31', '2028-11-29'];
$many = $belco->dueDates('deletion', $dates);
foreach ($dates as $i => $date) {
    check($many[$i] === $belco->deletionDeadline($date)['due'], "batch $date");
}
check($alles->dueDates('breach-notice', ['2026-03-28T10:30:00+01:00']) === [null], 'batch: none is null');
check($belco->dueDates('deletion', []) === [], 'empty batch');

// Checks and the timeline.
$findings = $belco->check('2026-11-23');
check(is_array($findings) && count($findings) > 0, 'Belco has findings');
foreach ($findings as $f) {
    check(isset($f['code'], $f['severity'], $f['message'], $f['citation']), 'finding keys');
}
check(str_starts_with($belco->checkJson('2026-11-23'), "{\n  \"findings\": ["), 'check JSON');
$events = (string) file_get_contents("$root/examples/events/belco-2027.toml");
$t = $belco->timeline($events, '2027-03-01');
check($t['at'] === '2027-03-01' && count($t['obligations']) > 0, 'timeline');
check(str_starts_with($belco->timelineIcs($events, '2027-03-01', 'toml'), "BEGIN:VCALENDAR\r\n"), 'ics');
// The calendar's options: the UID domain, a fixed DTSTAMP, reminders as VALARMs.
$ics = $belco->timelineIcs($events, '2027-03-01', 'toml', 'calendar.example.org', new DateTimeImmutable('2027-03-01T13:00:00+01:00'), '7d,1d');
check(substr_count($ics, "@calendar.example.org\r\n") === 4, 'ics UID domain');
check(substr_count($ics, "\r\nDTSTAMP:20270301T120000Z\r\n") === 4, 'ics DTSTAMP');
check(substr_count($ics, "\r\nTRIGGER:-P7D\r\n") === 4 && substr_count($ics, "\r\nTRIGGER:-P1D\r\n") === 4, 'ics reminders');
check(!str_contains($belco->timelineIcs($events, '2027-03-01', 'toml'), 'VALARM'), 'ics without reminders');
throws(fn () => $belco->timelineIcs($events, '2027-03-01', 'toml', remind: '7x'), Library::status('INVALID_VALUE'), 'options.remind', '`7x` is not a reminder');
throws(fn () => $belco->timelineIcs($events, '2027-03-01', 'toml', uidDomain: 'dpa'), Library::status('INVALID_VALUE'), 'options.uid_domain');
// Alles Online: a notice "without undue delay" past its 72-hour bound is late
// (with the time elapsed), the deletion past its "in principe" term exceeded,
// and a return asked for and then made impossible by deletion missed.
$open = "[[events]]\nkind = \"breach-discovered\"\nat = 2026-09-01T10:00:00+02:00\n"
    . "[[events]]\nkind = \"client-notified-of-breach\"\nat = 2026-09-05T10:00:00+02:00\n"
    . "[[events]]\nkind = \"agreement-terminated\"\ndate = 2026-11-30\n"
    . "[[events]]\nkind = \"data-return-requested\"\ndate = 2026-12-01\n"
    . "[[events]]\nkind = \"data-deleted\"\ndate = 2027-03-03\n";
$byKind = array_column($alles->timeline($open, '2027-03-05', 'toml')['obligations'], null, 'kind');
check($byKind['breach-notice']['status'] === 'late' && $byKind['breach-notice']['elapsed'] === 'P4D'
    && $byKind['breach-notice']['late_after'] === '2026-09-04T08:00:00Z', 'timeline: late, with elapsed');
check($byKind['deletion']['status'] === 'exceeded' && $byKind['deletion']['late_by'] === 'P3D', 'timeline: exceeded');
check($byKind['data-return']['status'] === 'missed' && $byKind['data-return']['impossible_since'] === '2027-03-03',
    'timeline: impossible return is missed');

// Transfers and diff.
$tr = $belco->transfers('2026-11-23');
check($tr['on'] === '2026-11-23' && count($tr['assessments']) > 0, 'transfers');
// A country basis names the countries it is assessed for; a basis not tied
// to a country (the SCCs) names none: it holds for every country.
$mailgun = array_values(array_filter($alles->transfers('2026-11-23')['assessments'], fn ($a) => $a['name'] === 'Mailgun'))[0];
check($mailgun['bases'][0]['basis'] === 'eu-us-dpf' && $mailgun['bases'][0]['countries'] === ['US'], 'transfers: countries of a country basis');
check($mailgun['bases'][1]['basis'] === 'scc-edition-not-stated' && $mailgun['bases'][1]['countries'] === [], 'transfers: no countries for the SCCs');
// Alles Online DPS 8, 9 name no SCC edition: not stated, with its warning.
check(in_array('scc-edition-not-stated', array_column($mailgun['findings'], 'code'), true), 'transfers: the SCC edition is not stated');
// Belco DPS 1.8, 1.9: the US sub-processors may reach the data from the US.
$amazon = $tr['assessments'][1];
check($amazon['name'] === 'Amazon, Inc.' && $amazon['access_from'] === ['US'] && $amazon['outside_eea'] === []
    && $amazon['verdict'] === ['bases' => ['scc-edition-not-stated'], 'kind' => 'covered'], 'transfers: access from the US is a transfer');
// An approved certification (GDPR art. 46(2)(f)): valid on its last day,
// lapsed the day after (art. 42(7)).
$certified = Agreement::fromToml($belcoToml . <<<'TOML'

[[statement.sub_processors]]
name = "Cert Corp"
purpose = "Analytics"
locations = ["US"]
transfer_bases = ["certification"]
engagement = "always"
source = ["DPS 1.9"]
[statement.sub_processors.transfer_certification]
name = "Europrivacy"
criteria_approved_by = "European Data Protection Board"
issued_by = "a certification body"
issued_on = 2025-03-01
valid_until = 2028-03-01
importer_commitments = true
source = ["DPS 1.9"]
TOML);
$cert = fn (string $on) => $certified->transfers($on)['assessments'][14];
check($cert('2028-03-01')['verdict']['kind'] === 'covered' && $cert('2028-03-01')['bases'][0]['status'] === 'valid', 'transfers: certification valid on its last day');
check($cert('2028-03-02')['bases'][0]['status'] === 'no-longer-in-force', 'transfers: certification lapsed the day after');
unset($cert, $certified);
$old = Agreement::fromFile("$root/examples/agreements/belco-1.2.2.toml");
check($belco->effectiveDate() === '2022-01-04', 'effective date');
$diff = $old->diff($belco);
check(isset($diff['changes']) && count($diff['changes']) > 0, 'diff');
check($diff['notified'] === '2022-01-04', 'diff: notified defaults to the effective date');
// Version 1.3's changes are all in the client's favour or editorial: no
// window (clause 2.2.2); back to 1.2.2 the warranty is weakened: 30 days.
check($diff['significant'] === false && $diff['termination_window'] === null, 'diff: nothing significant');
$back = $belco->diff($old);
check($back['notified'] === '2021-11-03', 'diff back: notified defaults to the effective date');
// A statement dated to the month (issue 15 point 3): no day is given for
// it, never the 1st; the stated date gives its first and last day.
$monthly = Agreement::fromToml(str_replace(
    ["effective_date = 2022-01-04", "\ndate = 2022-01-04"],
    ["effective_date = \"2022-01\"", "\ndate = \"2022-01\""],
    $belcoToml
));
throws(fn () => $monthly->effectiveDate(), Library::status('INVALID_VALUE'), 'statement.effective_date', '2022-01 is a month, not a day');
throws(fn () => $old->diff($monthly), Library::status('INVALID_VALUE'), 'statement.effective_date');
check($monthly->effectiveStatedDate() === ['precision' => 'month', 'earliest' => '2022-01-01', 'latest' => '2022-01-31'], 'stated date: a month');
check($belco->effectiveStatedDate() === ['precision' => 'day', 'earliest' => '2022-01-04', 'latest' => '2022-01-04'], 'stated date: a day');
unset($monthly);
check($back['termination_window']['due'] === '2021-12-03', 'diff back: termination window');
unset($old);

// Files are read by libdpa (dpa_agreement_from_file), as the command reads
// them: the format by the name's extension in any case, else by the text;
// at most 16 MiB; a file that cannot be read is IO_ERROR.
$tmp = sys_get_temp_dir() . '/dpa-php-test-' . getmypid();
mkdir($tmp);
file_put_contents("$tmp/belco.txt", $belcoToml);
file_put_contents("$tmp/BELCO.JSON", $belco->toJson());
file_put_contents("$tmp/belco-json.txt", $belco->toJson());
file_put_contents("$tmp/belco.Toml", $belcoToml);
foreach (['belco.txt', 'BELCO.JSON', 'belco-json.txt', 'belco.Toml'] as $name) {
    $a = Agreement::fromFile("$tmp/$name");
    check($a->deletionDeadline('2026-11-30')['due'] === '2027-02-28', "fromFile $name");
}
unset($a);
file_put_contents("$tmp/toml.json", $belcoToml);
throws(fn () => Agreement::fromFile("$tmp/toml.json"), Library::status('PARSE_ERROR'), null, 'this looks like TOML, not JSON'); // read as JSON, by its name: TOML
throws(fn () => Agreement::fromFile("$tmp/missing.toml"), Library::status('IO_ERROR'), 'path');
throws(fn () => Agreement::fromFile($tmp), Library::status('IO_ERROR'), 'path', 'cannot read'); // a directory
throws(fn () => Agreement::fromFile("$tmp/\xff.toml"), Library::status('INVALID_UTF8'), 'path');

/** Peak resident memory of this process, in KiB (Linux). */
function peakKib(): int
{
    return preg_match('/^VmHWM:\s+(\d+) kB/m', (string) @file_get_contents('/proc/self/status'), $m) ? (int) $m[1] : 0;
}
if (is_readable('/dev/zero')) {
    $before = peakKib();
    $t = hrtime(true);
    throws(fn () => Agreement::fromFile('/dev/zero'), Library::status('TOO_LARGE'), 'path', '16777216');
    $seconds = (hrtime(true) - $t) / 1e9;
    check($seconds < 5, "/dev/zero is refused at once ({$seconds} s)");
    check(peakKib() - $before < 40 * 1024, 'reading /dev/zero holds at most the 16 MiB limit (' . (peakKib() - $before) . ' KiB more)');
}
array_map('unlink', glob("$tmp/*"));
rmdir($tmp);

// Coverage of GDPR art. 28, and the same JSON as the `dpa` command (built by
// scripts/test-c.sh; DPA_BIN names another binary).
$ids = ['28-2', '28-3-subject-matter', '28-3-duration', '28-3-nature-purpose', '28-3-data-types',
    '28-3-data-subjects', '28-3-controller', '28-3-a', '28-3-b', '28-3-c', '28-3-d', '28-3-e', '28-3-f',
    '28-3-g', '28-3-h', '28-3-final', '28-4'];
$cov = $belco->coverage();
check(array_column($cov, 'id') === $ids, 'coverage: the seventeen items in article order');
// GDPR art. 28(3): neither Belco's statement nor its clauses state the types of
// personal data or the categories of data subjects; clause 2.8.3 binds
// sub-processors to the same security level only (art. 28(4): partly).
check(array_column($cov, 'verdict', 'id')['28-3-data-types'] === 'not-covered', 'Belco: no types of personal data');
check(array_column($cov, 'verdict', 'id')['28-4'] === 'partly', 'Belco: art. 28(4) partly');
check($cov[8] === ['id' => '28-3-b', 'article' => 'GDPR art. 28(3)(b)', 'name' => 'confidentiality of the persons processing',
    'verdict' => 'covered', 'covered' => true, 'clauses' => ['clause 2.5.1'], 'missing' => []], 'Belco: art. 28(3)(b) by clause 2.5.1');
check($cov[14]['clauses'] === ['clause 2.7.3', 'clause 2.7.4'], 'Belco: audits');
check($cov[16]['missing'][0]['id'] === 'flow-down-obligations', 'Belco: what art. 28(4) misses');
$allesCov = $alles->coverage();
check($allesCov[11]['clauses'] === ['clause 7.1', 'clause 7.3'], 'Alles Online: art. 28(3)(e)');
check($allesCov[0]['article'] === 'GDPR art. 28(2)' && $allesCov[0]['clauses'] === ['clause 8.2', 'clause 8.3'], 'Alles Online: art. 28(2)');
$deviation = "\n[[clauses.deviations]]\nclause = \"clause 2.5.1\"\nkind = \"removed\"\nsummary = \"left out\"\n";
$withoutToml = str_replace("\n[terms.duration]", $deviation . "\n[terms.duration]", $belcoToml);
$without = Agreement::fromToml($withoutToml);
$withoutCov = $without->coverage();
check($withoutCov[8]['clauses'] === [] && $withoutCov[8]['verdict'] === 'not-covered', 'a removed clause leaves art. 28(3)(b) not covered');
$changed = array_filter(array_keys($withoutCov), fn ($i) => $withoutCov[$i] !== $cov[$i]);
check(array_values($changed) === [8], 'only that item');

/** Runs the `dpa` command: [stdout, exit code]. */
function runDpa(string $bin, array $args): array
{
    $p = proc_open([$bin, ...$args], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    if ($p === false) {
        return ['', -1];
    }
    $out = (string) stream_get_contents($pipes[1]);
    stream_get_contents($pipes[2]);
    fclose($pipes[1]);
    fclose($pipes[2]);
    return [$out, proc_close($p)];
}

$dpaBin = getenv('DPA_BIN');
if ($dpaBin === false || $dpaBin === '') {
    $targetDir = getenv('CARGO_TARGET_DIR') ?: 'target';
    $dpaBin = ($targetDir[0] === '/' ? $targetDir : "$root/$targetDir") . '/debug/dpa';
}
if (!is_executable($dpaBin)) {
    check(false, "the dpa command is not built at $dpaBin (cargo build -p dpa-cli, or set DPA_BIN)");
} else {
    $withoutFile = tempnam(sys_get_temp_dir(), 'dpa-coverage-') . '.toml';
    file_put_contents($withoutFile, $withoutToml);
    // Both seeds leave items of art. 28 only partly covered (docs/rules.md,
    // "GDPR art. 28 coverage"), so `dpa coverage` exits 1 for each of them too.
    foreach ([
        ["$root/examples/agreements/belco.toml", $belco, 1],
        ["$root/examples/agreements/alles-online.toml", $alles, 1],
        [$withoutFile, $without, 1],
    ] as [$file, $agreement, $exit]) {
        [$cliJson, $code] = runDpa($dpaBin, ['coverage', $file, '--format', 'json']);
        check($code === $exit, "dpa coverage $file exits $code, expected $exit");
        check($agreement->coverageJson() === $cliJson, "coverage JSON byte for byte as dpa coverage prints it: $file");
        check($agreement->coverage() === json_decode($cliJson, true)['coverage'], "coverage() decodes it: $file");
    }
    unlink($withoutFile);
    unlink(substr($withoutFile, 0, -strlen('.toml')));
    unset($agreement);
}
unset($without);
$rawOut = Library::ffi()->new('char *');
$rawLen = Library::ffi()->new('size_t');
check(Library::ffi()->dpa_agreement_coverage_json(null, FFI::addr($rawOut), FFI::addr($rawLen)) === Library::status('NULL_ARGUMENT'), 'coverage: NULL handle');

// Round trips.
$again = Agreement::fromJson($belco->toJson());
check($again->deletionDeadline('2026-11-30')['due'] === '2027-02-28', 'JSON round trip');
$again = Agreement::fromToml($belco->toToml());
check($again->deletionDeadline('2026-11-30')['due'] === '2027-02-28', 'TOML round trip');

// The calendar.
check(Calendar::addMonths('2024-01-31', 1) === '2024-02-29', 'clamp');
check(Calendar::addMonths('2026-02-28', 3, 'month-end-sticky') === '2026-05-31', 'month-end-sticky');
check(Calendar::addMonthsMany(['2024-01-31', '2016-02-29'], 3) === ['2024-04-30', '2016-05-29'], 'addMonthsMany');
check(Calendar::isPublicHoliday('2026-04-03') && !Calendar::isPublicHoliday('2026-05-13'), 'holidays');
check(Calendar::nextBusinessDay('2026-05-14') === '2026-05-18', 'next business day');
$holidays = Calendar::publicHolidays(2026);
check(count($holidays) === 11 && $holidays[0]['name'] === "New Year's Day", 'holidays of 2026');
// Before the Act came into force (1 April 1965): refused, saying why.
throws(fn () => Calendar::publicHolidays(1900), Library::status('OUT_OF_RANGE'), 'year', 'before the Algemene termijnenwet came into force');

// Errors: status, name, path.
throws(fn () => Agreement::fromToml("dpa_format = 1\n[rules\n"), Library::status('PARSE_ERROR'), '', 'line 2');
throws(fn () => Agreement::fromToml("dpa_format = 1\n[rules]\nmonth_rul = 'clamp'\n"), Library::status('INVALID_VALUE'), 'rules.month_rul');
throws(fn () => Agreement::fromToml("dpa_format = 1\n# \xff\n"), Library::status('INVALID_UTF8'), 'text');
throws(fn () => Agreement::fromJson('{"dpa_format": 1,'), Library::status('PARSE_ERROR'));
throws(fn () => Agreement::fromToml(str_replace('seat = "US"', 'seat = "usa"', $belcoToml)), Library::status('INVALID_VALUE'), null, '.seat');
// Errors a person can act on: a country's name, the format's words, another
// encoding with its line, JSON read as TOML.
throws(fn () => Agreement::fromToml(preg_replace('/seat = "FR"/', 'seat = "Nederland"', $belcoToml, 1)), Library::status('INVALID_VALUE'), 'statement.sub_processors[0].seat', 'did you mean `NL`');
throws(fn () => Agreement::fromToml(preg_replace('/months = 3\n/', "months = \"3 maanden\"\n", $belcoToml, 1)), Library::status('INVALID_VALUE'), 'terms.deletion.months', 'expected a whole number of months, e.g. 3');
throws(fn () => Agreement::fromToml("dpa_format = 1\n# Belgi\xeb\n"), Library::status('INVALID_UTF8'), 'text', 'at line 2, column 8');
throws(fn () => Agreement::fromToml('{"dpa_format": 1}'), Library::status('PARSE_ERROR'), null, 'this looks like JSON, not TOML');
check(Agreement::fromToml("\xef\xbb\xbf" . $belcoToml)->deletionDeadline('2026-11-30')['due'] === '2027-02-28', 'a byte-order mark is accepted');
throws(fn () => $belco->deletionDeadline('2026-02-30'), Library::status('OUT_OF_RANGE'), 'terminated', '2026-02-30');
throws(fn () => $belco->deletionDeadline('30-11-2026'), Library::status('INVALID_VALUE'), 'terminated');
throws(fn () => $belco->deletionDeadline('9999-12-01'), Library::status('OUT_OF_RANGE'), 'terminated');
throws(fn () => $belco->breachNoticeDeadline('2026-03-28T10:30:00'), Library::status('INVALID_VALUE'), 'discovered', 'offset');
throws(fn () => $belco->breachNoticeDeadline(PHP_INT_MAX), Library::status('OUT_OF_RANGE'), 'discovered');
throws(fn () => $belco->deletionDeadline(''), Library::status('INVALID_VALUE'), 'terminated');
throws(fn () => Calendar::addMonths('', 1), Library::status('INVALID_VALUE'), 'date');
throws(fn () => Calendar::addMonthsMany(["2026-01-01\n2026-01-02"], 1), Library::status('INVALID_VALUE'), 'dates');
throws(fn () => $belco->dueDates('deletion', ['2026-11-30', '']), Library::status('INVALID_VALUE'), 'from[1]', 'is not a date');
throws(fn () => $belco->dueDates('deletion', ["2026-11-30\n2026-11-29"]), Library::status('INVALID_VALUE'), 'from', 'line break');
throws(fn () => $belco->serviceResponse(0, 'medium'), Library::status('INVALID_VALUE'), 'impact');
throws(fn () => $belco->dueDates('deletion', ['2026-11-30', '2026-02-30']), Library::status('OUT_OF_RANGE'), 'from[1]');
throws(fn () => $belco->dueDates('deletion', ['2026-11-30', 'soon']), Library::status('INVALID_VALUE'), 'from[1]');
throws(fn () => $belco->dueDates('sometime', ['2026-11-30']), Library::status('INVALID_VALUE'), 'kind');
throws(fn () => $belco->deadline('breach-notice', '2026-11-30'), Library::status('INVALID_VALUE'), 'from');
throws(fn () => Calendar::addMonthsMany(['2026-01-31', '2026-13-01'], 1), Library::status('OUT_OF_RANGE'), 'dates[1]');
throws(fn () => Calendar::addMonths('9999-12-31', 1), Library::status('OUT_OF_RANGE'), 'date');
throws(fn () => Calendar::addMonths('2026-01-31', 1, 'lunar'), Library::status('INVALID_VALUE'), 'rule');
throws(fn () => $belco->timeline("[[events]]\nkind = \"agreement-terminated\"\ndate = \"2026-02-30\"\n", '2027-01-01', 'toml'), Library::status('INVALID_VALUE'), null, 'events[0]');

// PHP's 64-bit integers are range-checked before they become a C int32_t
// (FFI would wrap 2**32 + 1 months into 1 month, 2**32 + 2026 into 2026):
// OUT_OF_RANGE naming the argument.
$outOfRange = Library::status('OUT_OF_RANGE');
throws(fn () => Calendar::addMonths('2026-01-31', 2 ** 32 + 1), $outOfRange, 'months', '4294967297');
throws(fn () => Calendar::addMonths('2026-01-31', -2 ** 31 - 1), $outOfRange, 'months', 'int32_t');
throws(fn () => Calendar::addMonths('2026-01-31', PHP_INT_MAX), $outOfRange, 'months');
throws(fn () => Calendar::addMonthsMany(['2026-01-31'], 2 ** 32 + 1), $outOfRange, 'months');
throws(fn () => Calendar::publicHolidays(2 ** 32 + 2026), $outOfRange, 'year', '4294969322');
throws(fn () => Calendar::publicHolidays(PHP_INT_MIN), $outOfRange, 'year');
throws(fn () => Calendar::publicHolidays(10000), $outOfRange, 'year'); // libdpa's own range
$farFuture = (new DateTimeImmutable('2026-01-01'))->setDate(2 ** 32 + 2026, 1, 1);
throws(fn () => Calendar::isPublicHoliday($farFuture), $outOfRange, 'date');
throws(fn () => $belco->checkJson($farFuture), $outOfRange, 'at');
throws(fn () => Calendar::addMonths('2026-01-31', 2 ** 31 - 1), $outOfRange); // fits: libdpa's range
check(Calendar::addMonths('2026-01-31', -(2 ** 31) + 2 ** 31) === '2026-01-31', 'months 0');
// An empty item of a batch is an item, refused by libdpa.
throws(fn () => $belco->dueDates('deletion', ['']), Library::status('INVALID_VALUE'), 'from[0]', 'is not a date');
throws(fn () => Calendar::addMonthsMany([''], 1), Library::status('INVALID_VALUE'), 'dates[0]');

// The statuses the header documents: text that is not JSON is PARSE_ERROR
// (JSON of another type than an object stays INVALID_VALUE); an instant
// shaped right that names none of the years 1 to 9999 is OUT_OF_RANGE, as
// text and as Unix seconds alike.
throws(fn () => Agreement::fromJson('not json'), Library::status('PARSE_ERROR'), '', 'line 1, column 1');
throws(fn () => Agreement::fromJson('[1, 2]'), Library::status('INVALID_VALUE'), '', 'JSON object');
throws(fn () => $belco->timeline('not json', '2027-01-01', 'json'), Library::status('PARSE_ERROR'), 'events');
throws(fn () => $belco->breachNoticeDeadline('2026-02-30T10:00:00Z'), $outOfRange, 'discovered', '2026-02-30 is not a date');
throws(fn () => $belco->breachNoticeDeadline('2026-03-28T25:00:00+01:00'), $outOfRange, 'discovered', 'no time of day');
throws(fn () => $belco->breachNoticeDeadline('0000-06-01T10:00:00Z'), $outOfRange, 'discovered');
throws(fn () => $belco->breachNoticeDeadline('0001-01-01T00:30:00+01:00'), $outOfRange, 'discovered', '1 to 9999');
throws(fn () => $belco->breachNoticeDeadline(-62135596801), $outOfRange, 'discovered', '1 to 9999');
check($belco->breachNoticeDeadline('0001-01-01T01:00:00+01:00') === $belco->breachNoticeDeadline(-62135596800),
    'the first instant of year 1, as text and as Unix seconds');

// An agreement is a handle in this process: serialize() and unserialize()
// are refused with a LogicException, and an object made without the
// constructor destructs quietly.
try {
    serialize($belco);
    check(false, 'serialize must fail');
} catch (LogicException) {
    check(true, 'serialize fails');
}
$liveBefore = Library::$liveAgreements;
try {
    unserialize(sprintf('O:%d:"%s":0:{}', strlen(Agreement::class), Agreement::class));
    check(false, 'unserialize must fail');
} catch (LogicException $e) {
    check(str_contains($e->getMessage(), 'fromJson'), 'unserialize fails: ' . $e->getMessage());
}
try {
    $bare = (new ReflectionClass(Agreement::class))->newInstanceWithoutConstructor();
    unset($bare);
    check(true, 'an object without a handle destructs');
} catch (Throwable $e) {
    check(false, 'an object without a handle destructs: ' . $e->getMessage());
}
check(Library::$liveAgreements === $liveBefore, 'no handle counted for them');

// The by-value call: yyyymmdd in and out, 0 on every error.
$ffi = Library::ffi();
foreach ([[20260115, 3, 20260415], [20240131, 1, 20240229], [20250131, 1, 20250228],
    [20240229, 12, 20250228], [20260531, -1, 20260430], [20261231, 1, 20270131], [10101, 0, 10101]] as [$from, $m, $to]) {
    check($ffi->dpa_add_months_ymd($from, $m) === $to, "dpa_add_months_ymd($from, $m)");
}
check($ffi->dpa_add_months_ymd_rule(20260228, 3, 1) === 20260531, 'dpa_add_months_ymd_rule month-end-sticky');
foreach ([20260230, 20261301, 0, -1, -20260101, 1231, 100000101] as $bad) {
    check($ffi->dpa_add_months_ymd($bad, 1) === 0, "dpa_add_months_ymd($bad) is 0");
}
check($ffi->dpa_add_months_ymd(99991231, 1) === 0, 'dpa_add_months_ymd out of range is 0');
check($ffi->dpa_add_months_ymd_rule(20260131, 1, 3) === 0, 'dpa_add_months_ymd_rule unknown rule is 0');
// The wrapper's one-value path (by value) against its batch path (text).
$samples = ['2024-01-31', '2024-02-29', '2025-01-31', '2026-05-31', '2026-12-31', '0001-01-01', '9999-11-30', '2000-02-29'];
foreach (['clamp', 'month-end-sticky', 'thirty-days'] as $rule) {
    foreach ([-13, -1, 0, 1, 3, 12] as $m) {
        $ok = array_filter($samples, fn ($d) => !(($d === '0001-01-01' && $m < 0) || ($d === '9999-11-30' && $m > 1)));
        $one = array_map(fn ($d) => Calendar::addMonths($d, $m, $rule), array_values($ok));
        check($one === Calendar::addMonthsMany(array_values($ok), $m, $rule), "addMonths = addMonthsMany ($rule, $m)");
    }
}
check(Calendar::addMonths('2024-01-31', 1) === '2024-02-29', 'addMonths leap year');
check(Calendar::addMonths(new DateTimeImmutable('2026-01-31'), 1) === '2026-02-28', 'addMonths DateTime');
check(Calendar::addMonths('0001-02-28', -1) === '0001-01-28', 'addMonths year 1');
throws(fn () => Calendar::addMonths('2026-02-30', 1), Library::status('OUT_OF_RANGE'), 'date');
throws(fn () => Calendar::addMonths('0000-01-01', 1), Library::status('OUT_OF_RANGE'), 'date');
throws(fn () => Calendar::addMonths('0001-01-31', -1), Library::status('OUT_OF_RANGE'), 'date');
throws(fn () => Calendar::addMonths('2026-1-31', 1), Library::status('INVALID_VALUE'), 'date');
throws(fn () => Calendar::addMonths('-2026-01-31', 1), Library::status('INVALID_VALUE'), 'date');
throws(fn () => Calendar::addMonths('', 1), Library::status('INVALID_VALUE'), 'date');
throws(fn () => Calendar::addMonths('2026-01-31', 1, 'lunar'), Library::status('INVALID_VALUE'), 'rule');

// Names and dates are read by libdpa, with dpa-core's messages.
throws(fn () => Calendar::addMonths('2026-01-31', 1, 'lunar'), Library::status('INVALID_VALUE'), 'rule',
    'rule: unknown month rule `lunar`: expected one of clamp, month-end-sticky, thirty-days');
throws(fn () => Calendar::addMonthsMany(['2026-01-31'], 1, 'Clamp'), Library::status('INVALID_VALUE'), 'rule', 'unknown month rule');
throws(fn () => $belco->dueDates('sub-processor-objection', ['2026-11-30']), Library::status('INVALID_VALUE'), 'kind');
throws(fn () => $belco->deadline('deletions', '2026-11-30'), Library::status('INVALID_VALUE'), 'kind',
    'unknown deadline kind `deletions`: expected one of deletion, backup-deletion');
throws(fn () => $belco->serviceResponse(0, 'High'), Library::status('INVALID_VALUE'), 'impact', 'expected one of low, high');
throws(fn () => $belco->timelineJson($events, '2027-03-01', 'yaml'), Library::status('INVALID_VALUE'), 'format',
    'unknown format `yaml`: expected one of auto, toml, json');
check($belco->timelineJson($events, '2027-03-01', 'toml') === $belco->timelineJson($events, '2027-03-01'), 'format toml = auto');
// service-response needs an impact, as `dpa deadline` needs --impact.
throws(fn () => $belco->deadline('service-response', '2026-03-28T10:30:00+01:00'), Library::status('INVALID_VALUE'), 'impact', 'needs an impact');
throws(fn () => $belco->dueDates('service-response', ['2026-03-28T10:30:00+01:00']), Library::status('INVALID_VALUE'), 'impact');
check($belco->deadline('service-response', '2026-03-28T10:30:00+01:00', 'high')['kind'] === 'service-response', 'service-response with an impact');
check($belco->deadline('deletion', '2026-11-30', 'high')['due'] === '2027-02-28', 'an impact is ignored where no kind needs it');
foreach (['at' => fn ($d) => $belco->checkJson($d), 'on' => fn ($d) => $belco->transfersJson($d),
    'notified' => fn ($d) => $belco->diffJson($belco, $d), 'date' => fn ($d) => Calendar::nextBusinessDay($d)] as $arg => $f) {
    throws(fn () => $f('2026-1-31'), Library::status('INVALID_VALUE'), $arg, "$arg: `2026-1-31` is not a date");
    throws(fn () => $f('2026-02-30'), Library::status('OUT_OF_RANGE'), $arg, "$arg: 2026-02-30 is not a date");
    throws(fn () => $f(''), Library::status('INVALID_VALUE'), $arg);
}
throws(fn () => Calendar::isPublicHoliday('0000-01-01'), Library::status('OUT_OF_RANGE'), 'date');
throws(fn () => Calendar::addMonths("2026-01-31\n", 1), Library::status('INVALID_VALUE'), 'date');
throws(fn () => Calendar::addMonths("2026-01-31\xff", 1), Library::status('INVALID_UTF8'), 'date');
check(Calendar::isPublicHoliday(new DateTimeImmutable('2026-12-25')), 'DateTime holiday');
// The names in a deadline come from libdpa.
$ffi = Library::ffi();
check($ffi->dpa_deadline_kind_name($ffi->DPA_DEADLINE_KIND_TERMINATION_WINDOW) === 'termination-window', 'dpa_deadline_kind_name');
check($ffi->dpa_bound_name($ffi->DPA_BOUND_NO_EARLIER_THAN) === 'no-earlier-than', 'dpa_bound_name');
check($ffi->dpa_deadline_kind_name(99) === null, 'dpa_deadline_kind_name of no kind is NULL');
$kinds = ['deletion', 'backup-deletion', 'breach-notice', 'authority-notice', 'next-audit', 'audit-notice',
    'termination-window', 'service-response'];
$n = $ffi->new('uint32_t');
foreach ($kinds as $kind) {
    check($ffi->dpa_deadline_kind_from_name($kind, strlen($kind), FFI::addr($n)) === Library::status('OK')
        && $ffi->dpa_deadline_kind_name($n->cdata) === $kind, "kind $kind round trip");
}
check($belco->nextAuditAllowed('2026-05-04')['bound'] === $ffi->dpa_bound_name($ffi->DPA_BOUND_NO_EARLIER_THAN), 'bound name');

// The raw API refuses NULL.
$ffi = Library::ffi();
$out = $ffi->new('dpa_date');
check($ffi->dpa_add_months(2026, 1, 31, 1, 0, null) === Library::status('NULL_ARGUMENT'), 'NULL out');
$deadline = $ffi->new('dpa_deadline');
check($ffi->dpa_agreement_deletion_deadline(null, 2026, 11, 30, FFI::addr($deadline)) === Library::status('NULL_ARGUMENT'), 'NULL handle');
check($ffi->dpa_add_months(2026, 1, 31, 1, 0, FFI::addr($out)) === Library::status('OK') && $out->day === 28, 'raw call');

// Handles are freed by __destruct, and cannot be copied.
$before = Library::$liveAgreements;
for ($i = 0; $i < 50; $i++) {
    $a = Agreement::fromToml($belcoToml);
    unset($a);
}
check(Library::$liveAgreements === $before, '__destruct frees every handle');
try {
    $copy = clone $belco;
    check(false, 'clone must fail');
} catch (Error $e) {
    check(true, 'clone fails');
}
unset($belco, $alles, $again);
check(Library::$liveAgreements === 0, 'no handle left');

printf("test.php: %d checks, %d failed\n", $checks, $failures);
exit($failures === 0 ? 0 : 1);
