<?php

declare(strict_types=1);

namespace Dpa\Tests;

use Dpa\Agreement;
use Dpa\Library;
use FFI;

/**
 * Loading libdpa, its versions and status numbers, and the raw API through
 * PHP's FFI.
 */
final class LibraryTest extends DpaTestCase
{
    /** The ABI version the wrapper needs, and the library's version string. */
    public function testVersions(): void
    {
        $this->check(Library::ffi()->dpa_abi_version() === Library::ABI_VERSION, 'ABI version');
        $this->check(preg_match('/^\d+\.\d+\.\d+$/', Library::version()) === 1, 'version string');
    }

    /** Each status of include/dpa.h, by number and by the name libdpa gives it, as the header PHP loaded (dpa_php.h) defines it. */
    public function testStatusNumbersComeFromTheHeader(): void
    {
        // Status numbers come from the header PHP loaded (dpa_php.h): each one of
        // include/dpa.h, with the name libdpa gives it.
        preg_match_all('/^\s*DPA_STATUS_([A-Z0-9_]+) = (\d+),/m', (string) file_get_contents("$this->root/include/dpa.h"), $statuses, PREG_SET_ORDER);
        $this->check(count($statuses) >= 10, 'dpa.h lists the statuses');
        foreach ($statuses as [, $name, $number]) {
            $this->check(Library::status($name) === (int) $number, "Library::status('$name') is $number, as in dpa.h");
            $this->check(Library::ffi()->dpa_status_name((int) $number) === "DPA_STATUS_$name", "dpa_status_name($number)");
        }
        $this->check(Library::status('IO_ERROR') === 9, 'IO_ERROR');
        try {
            Library::status('NO_SUCH_STATUS');
            $this->check(false, 'an unknown status name throws');
        } catch (FFI\Exception) {
            $this->check(true, 'an unknown status name throws');
        }
    }

    /** The raw API refuses NULL handles and out-parameters. */
    public function testRawApiRefusesNull(): void
    {
        $ffi = Library::ffi();
        $out = $ffi->new('dpa_date');
        $this->check($ffi->dpa_add_months(2026, 1, 31, 1, 0, null) === Library::status('NULL_ARGUMENT'), 'NULL out');
        $deadline = $ffi->new('dpa_deadline');
        $this->check($ffi->dpa_agreement_deletion_deadline(null, 2026, 11, 30, FFI::addr($deadline)) === Library::status('NULL_ARGUMENT'), 'NULL handle');
        $this->check($ffi->dpa_add_months(2026, 1, 31, 1, 0, FFI::addr($out)) === Library::status('OK') && $out->day === 28, 'raw call');
    }
}
