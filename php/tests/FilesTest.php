<?php

declare(strict_types=1);

namespace Dpa\Tests;

use Dpa\Agreement;
use Dpa\Library;

/**
 * Files are read by libdpa (dpa_agreement_from_file), as the command reads
 * them: the format by the name's extension in any case, else by the text;
 * at most 16 MiB; a file that cannot be read is IO_ERROR.
 */
final class FilesTest extends DpaTestCase
{
    /** The format by extension or text; unreadable files are IO_ERROR or INVALID_UTF8. */
    public function testFromFile(): void
    {
        $tmp = sys_get_temp_dir() . '/dpa-php-test-' . getmypid();
        mkdir($tmp);
        file_put_contents("$tmp/belco.txt", $this->belcoToml);
        file_put_contents("$tmp/BELCO.JSON", $this->belco->toJson());
        file_put_contents("$tmp/belco-json.txt", $this->belco->toJson());
        file_put_contents("$tmp/belco.Toml", $this->belcoToml);
        foreach (['belco.txt', 'BELCO.JSON', 'belco-json.txt', 'belco.Toml'] as $name) {
            $a = Agreement::fromFile("$tmp/$name");
            $this->check($a->deletionDeadline('2026-11-30')['due'] === '2027-02-28', "fromFile $name");
        }
        unset($a);
        file_put_contents("$tmp/toml.json", $this->belcoToml);
        $this->throws(fn () => Agreement::fromFile("$tmp/toml.json"), Library::status('PARSE_ERROR'), null, 'this looks like TOML, not JSON'); // read as JSON, by its name: TOML
        $this->throws(fn () => Agreement::fromFile("$tmp/missing.toml"), Library::status('IO_ERROR'), 'path');
        $this->throws(fn () => Agreement::fromFile($tmp), Library::status('IO_ERROR'), 'path', 'cannot read'); // a directory
        $this->throws(fn () => Agreement::fromFile("$tmp/\xff.toml"), Library::status('INVALID_UTF8'), 'path');
        array_map('unlink', glob("$tmp/*"));
        rmdir($tmp);
    }

    /** A device that never ends is refused at the 16 MiB limit, quickly and without filling memory. */
    public function testDevZeroIsRefusedAtOnce(): void
    {
        if (is_readable('/dev/zero')) {
            $before = self::peakKib();
            $t = hrtime(true);
            $this->throws(fn () => Agreement::fromFile('/dev/zero'), Library::status('TOO_LARGE'), 'path', '16777216');
            $seconds = (hrtime(true) - $t) / 1e9;
            $this->check($seconds < 5, "/dev/zero is refused at once ({$seconds} s)");
            $this->check(self::peakKib() - $before < 40 * 1024, 'reading /dev/zero holds at most the 16 MiB limit (' . (self::peakKib() - $before) . ' KiB more)');
        }
    }

    /** Peak resident memory of this process, in KiB (Linux). */
    private static function peakKib(): int
    {
        return preg_match('/^VmHWM:\s+(\d+) kB/m', (string) @file_get_contents('/proc/self/status'), $m) ? (int) $m[1] : 0;
    }

    /** toJson()/toToml() read back to the same deadlines. */
    public function testRoundTrips(): void
    {
        $again = Agreement::fromJson($this->belco->toJson());
        $this->check($again->deletionDeadline('2026-11-30')['due'] === '2027-02-28', 'JSON round trip');
        $again = Agreement::fromToml($this->belco->toToml());
        $this->check($again->deletionDeadline('2026-11-30')['due'] === '2027-02-28', 'TOML round trip');
    }
}
