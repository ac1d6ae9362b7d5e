<?php
/**
 * Per-call cost of libdpa from PHP (FFI), against PHP's floor: a call of
 * dpa_noop(), which does nothing through the same boundary.
 *
 *   php benches/php/bench_ffi.php [AGREEMENT.toml]
 *
 * Cases: the raw FFI calls (out-parameters allocated once;
 * dpa_add_months_ymd and dpa_add_months_ymd_text, the date as text, are by
 * value and have none), the wrapper's one-value
 * methods, and the batch paths per value (1000 values a call):
 * the wrapper's text batches (Calendar::addMonthsMany, Agreement::dueDates)
 * and the struct-array batches called raw. Each case runs in rounds; the
 * number is the median round. benches/php/run.sh runs this several times
 * and takes the median of the runs. With DPA_BENCH_SMOKE=1 in the
 * environment every case runs one short round (the test command's smoke
 * run: it must run, no timing).
 */

declare(strict_types=1);

require __DIR__ . '/../../examples/php/Dpa.php';

use Dpa\Agreement;
use Dpa\Calendar;
use Dpa\Library;

const BATCH = 1000;
define('SMOKE', getenv('DPA_BENCH_SMOKE') === '1');
define('CALLS', SMOKE ? BATCH : 100000);
define('ROUNDS', SMOKE ? 1 : 9);

$path = $argv[1] ?? __DIR__ . '/../../examples/agreements/belco.toml';
$ffi = Library::ffi();
$agreement = Agreement::fromFile($path);
$text = (string) file_get_contents($path);
$handle = $ffi->new('dpa_agreement *');
if ($ffi->dpa_agreement_from_toml($text, strlen($text), FFI::addr($handle)) !== 0) {
    fwrite(STDERR, "cannot load $path\n");
    exit(2);
}
$date = $ffi->new('dpa_date');
$dateAddr = FFI::addr($date);
$deadline = $ffi->new('dpa_deadline');
$deadlineAddr = FFI::addr($deadline);

$isoDates = [];
$dates = $ffi->new('dpa_date[' . BATCH . ']');
$datesOut = $ffi->new('dpa_date[' . BATCH . ']');
$deadlinesOut = $ffi->new('dpa_deadline[' . BATCH . ']');
for ($i = 0; $i < BATCH; $i++) {
    $m = 1 + $i % 12;
    $d = 1 + $i % 28;
    $isoDates[] = sprintf('2026-%02d-%02d', $m, $d);
    $dates[$i]->year = 2026;
    $dates[$i]->month = $m;
    $dates[$i]->day = $d;
}

/** Median nanoseconds per unit of $run($n), which does $n units. */
function measure(callable $run, int $units): float
{
    $run($units); // warm up
    $rounds = [];
    for ($r = 0; $r < ROUNDS; $r++) {
        $t = hrtime(true);
        $run($units);
        $rounds[] = (hrtime(true) - $t) / $units;
    }
    sort($rounds);
    return $rounds[intdiv(ROUNDS, 2)];
}

$cases = [
    'noop' => fn ($n) => (function () use ($n, $ffi) {
        for ($i = 0; $i < $n; $i++) {
            $ffi->dpa_noop();
        }
    })(),
    'add_months' => fn ($n) => (function () use ($n, $ffi, $dateAddr) {
        for ($i = 0; $i < $n; $i++) {
            $ffi->dpa_add_months(2026, 1 + $i % 12, 1 + $i % 28, 3, 0, $dateAddr);
        }
    })(),
    'add_months_ymd' => fn ($n) => (function () use ($n, $ffi) {
        for ($i = 0; $i < $n; $i++) {
            $ffi->dpa_add_months_ymd(20260000 + 100 * (1 + $i % 12) + 1 + $i % 28, 3);
        }
    })(),
    'add_months_ymd_text' => fn ($n) => (function () use ($n, $ffi, $isoDates) {
        $clamp = $ffi->DPA_MONTH_RULE_CLAMP;
        for ($i = 0; $i < $n; $i++) {
            $d = $isoDates[$i % BATCH];
            $ffi->dpa_add_months_ymd_text($d, strlen($d), 3, $clamp);
        }
    })(),
    'deletion_deadline' => fn ($n) => (function () use ($n, $ffi, $handle, $deadlineAddr) {
        for ($i = 0; $i < $n; $i++) {
            $ffi->dpa_agreement_deletion_deadline($handle, 2026, 1 + $i % 12, 1 + $i % 28, $deadlineAddr);
        }
    })(),
    'wrapper Calendar::addMonths' => fn ($n) => (function () use ($n, $isoDates) {
        for ($i = 0; $i < $n; $i++) {
            Calendar::addMonths($isoDates[$i % BATCH], 3);
        }
    })(),
    'wrapper deletionDeadline' => fn ($n) => (function () use ($n, $agreement, $isoDates) {
        for ($i = 0; $i < $n; $i++) {
            $agreement->deletionDeadline($isoDates[$i % BATCH]);
        }
    })(),
    'add_months_batch_per_value (wrapper, text)' => fn ($n) => (function () use ($n, $isoDates) {
        for ($i = 0; $i < $n / BATCH; $i++) {
            Calendar::addMonthsMany($isoDates, 3);
        }
    })(),
    'add_months_batch_per_value (raw, structs)' => fn ($n) => (function () use ($n, $ffi, $dates, $datesOut) {
        for ($i = 0; $i < $n / BATCH; $i++) {
            $ffi->dpa_add_months_batch($dates, BATCH, 3, 0, $datesOut, BATCH);
        }
    })(),
    'deletion_batch_per_value (wrapper, text)' => fn ($n) => (function () use ($n, $agreement, $isoDates) {
        for ($i = 0; $i < $n / BATCH; $i++) {
            $agreement->dueDates('deletion', $isoDates);
        }
    })(),
    'deletion_batch_per_value (raw, structs)' => fn ($n) => (function () use ($n, $ffi, $handle, $dates, $deadlinesOut) {
        for ($i = 0; $i < $n / BATCH; $i++) {
            $ffi->dpa_agreement_date_deadlines($handle, 0, $dates, BATCH, $deadlinesOut, BATCH);
        }
    })(),
];

$floor = measure($cases['noop'], CALLS);
foreach ($cases as $name => $run) {
    $ns = $name === 'noop' ? $floor : measure($run, CALLS);
    printf("%-44s %9.2f ns  %6.2fx\n", $name, $ns, $ns / $floor);
}
$ffi->dpa_agreement_free($handle);
