<?php

declare(strict_types=1);

namespace Dpa;

use FFI;
use FFI\CData;

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
