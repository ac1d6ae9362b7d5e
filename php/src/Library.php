<?php

declare(strict_types=1);

namespace Dpa;

use FFI;
use FFI\CData;

/**
 * Loads libdpa once per process and holds the shared FFI state.
 *
 * The wrapper (the classes of the namespace Dpa: Library, Agreement,
 * Calendar, DpaException) is a Composer package (composer.json at the
 * repository's root, PSR-4 from php/src; docs/c-and-php.md):
 *
 *   require 'vendor/autoload.php';
 *   $belco = Dpa\Agreement::fromFile('examples/agreements/belco.toml');
 *   $belco->deletionDeadline('2026-11-30')['due'];       // "2027-02-28"
 *   $belco->check('2026-11-23');                         // list of findings
 *
 * The library is looked up as load() describes: the path given to it, else
 * the DPA_LIB environment variable, else a preloaded FFI scope "DPA", else
 * target/{release,debug} of this repository and the usual lib directories.
 * PHP's FFI must be enabled: the command line allows it by default;
 * elsewhere `ffi.enable=true` in php.ini, or preloading (see
 * docs/c-and-php.md).
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
final class Library
{
    /** The C ABI this wrapper is written for (DPA_ABI_VERSION in dpa.h). */
    public const ABI_VERSION = 2;

    /** The environment variable that names the library file. */
    public const ENV = 'DPA_LIB';

    /** The FFI scope a preloaded header declares (`#define FFI_SCOPE "DPA"`). */
    public const SCOPE = 'DPA';

    /** @internal DPA_STATUS_OK, as the loaded header defines it. */
    public static int $ok;

    private static ?FFI $ffi = null;
    /** Where the loaded library came from (see path()). */
    private static ?string $path = null;
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
     * Loads libdpa, once per process, and returns its FFI object. Every
     * method of the wrapper calls it with no argument on first use; call it
     * first with a path to choose the library. The library is looked up in
     * this order, and the first that applies is used:
     *
     *  1. $libraryPath, when given;
     *  2. the environment variable DPA_LIB, when set and not empty;
     *  3. the FFI scope "DPA", when the header was preloaded (ffi.preload or
     *     FFI::load() in an opcache.preload script);
     *  4. the first file that exists of target/release and target/debug of
     *     the repository this package is in (a clone built with cargo),
     *     /usr/local/lib and /usr/lib (scripts/install-c.sh), as libdpa.so
     *     (libdpa.dylib on macOS, dpa.dll on Windows).
     *
     * A path from 1 or 2 that names no file throws a RuntimeException naming
     * it and where it came from: no other library is tried instead. Once
     * loaded, the library stays for the process: a later call with another
     * path throws a LogicException rather than keep the first quietly. A
     * library whose dpa_abi_version() is not ABI_VERSION is refused.
     */
    public static function load(?string $libraryPath = null): FFI
    {
        if (self::$ffi !== null) {
            if ($libraryPath !== null && realpath($libraryPath) !== self::$path) {
                throw new \LogicException(
                    "libdpa is already loaded from " . (self::$path ?? 'the preloaded FFI scope ' . self::SCOPE)
                    . "; it cannot be loaded again from $libraryPath in this process"
                );
            }
            return self::$ffi;
        }
        if (!extension_loaded('ffi')) {
            throw new \RuntimeException('the PHP FFI extension is not loaded');
        }
        $env = getenv(self::ENV);
        [$path, $from] = match (true) {
            $libraryPath !== null => [$libraryPath, 'the path given to Dpa\\Library::load()'],
            $env !== false && $env !== '' => [$env, 'the environment variable ' . self::ENV],
            default => [null, null],
        };
        $ffi = null;
        if ($path === null) {
            try {
                $ffi = FFI::scope(self::SCOPE);
            } catch (\Throwable) {
                $ffi = null;
            }
            if ($ffi === null) {
                $path = self::findLibrary();
                $from = 'the default places (target/release, target/debug, /usr/local/lib, /usr/lib)';
                if ($path === null) {
                    throw new \RuntimeException(
                        "libdpa not found in $from: build it (cargo build --release -p dpa-ffi), "
                        . 'install it (scripts/install-c.sh), or set ' . self::ENV
                    );
                }
            }
        }
        $absolute = null;
        if ($ffi === null) {
            $absolute = realpath($path);
            if ($absolute === false || !is_file($absolute)) {
                throw new \RuntimeException("libdpa not found at $path (from $from)");
            }
            // An absolute path: FFI resolves a relative one against the
            // process's working directory, not this file's.
            $ffi = FFI::cdef((string) file_get_contents(self::header()), $absolute);
        }
        $abi = $ffi->dpa_abi_version();
        if ($abi !== self::ABI_VERSION) {
            throw new \RuntimeException(
                "libdpa has ABI version $abi; this wrapper needs " . self::ABI_VERSION
            );
        }
        self::$ffi = $ffi;
        self::$path = $absolute;
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

    /**
     * The absolute path of the loaded library file, or null while none is
     * loaded or when it came from the preloaded FFI scope.
     */
    public static function path(): ?string
    {
        return self::$path;
    }

    /**
     * The header PHP's FFI reads (dpa_php.h beside php/src, generated from
     * include/dpa.h by scripts/gen-c-headers.sh). To preload it, copy it
     * and set its FFI_LIB line to the library's absolute path.
     */
    public static function header(): string
    {
        return dirname(__DIR__) . '/dpa_php.h';
    }

    /** The first library file of the default places, or null. */
    private static function findLibrary(): ?string
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
        return null;
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
