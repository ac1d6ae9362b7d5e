<?php

declare(strict_types=1);

namespace Dpa\Tests;

use Dpa\Agreement;
use Dpa\Library;
use LogicException;
use PHPUnit\Framework\TestCase;
use RuntimeException;

/**
 * Where Library::load() finds libdpa: the path given, else DPA_LIB, else the
 * preloaded scope, else the default places (docs/c-and-php.md, "Installing
 * with Composer"). Each test runs in a process of its own, since a process
 * loads the library once. They need DPA_LIB to name the built library.
 *
 * @runTestsInSeparateProcesses
 * @preserveGlobalState disabled
 */
final class LibraryLoadTest extends TestCase
{
    /** The library the test script built, from DPA_LIB. */
    private string $library;

    protected function setUp(): void
    {
        $lib = getenv(Library::ENV);
        if ($lib === false || $lib === '' || !is_file($lib)) {
            $this->markTestSkipped('set DPA_LIB to the built libdpa.so to test where it is looked up');
        }
        $this->library = (string) realpath($lib);
    }

    /** A path given to load() is used, and path() says which file was loaded. */
    public function testPathGivenIsLoaded(): void
    {
        $this->assertNull(Library::path(), 'nothing loaded yet');
        Library::load($this->library);
        $this->assertSame($this->library, Library::path());
        $this->assertSame('2027-02-28', Agreement::fromFile(dirname(__DIR__, 2) . '/examples/agreements/belco.toml')
            ->deletionDeadline('2026-11-30')['due']);
    }

    /** The path given comes before DPA_LIB, even one that names no file. */
    public function testPathGivenComesBeforeTheEnvironment(): void
    {
        putenv(Library::ENV . '=/nonexistent/libdpa.so');
        Library::load($this->library);
        $this->assertSame($this->library, Library::path());
    }

    /** With no path given, DPA_LIB is used (here relative to the working directory). */
    public function testEnvironmentVariableIsUsed(): void
    {
        chdir(dirname($this->library));
        putenv(Library::ENV . '=' . basename($this->library));
        Library::load();
        $this->assertSame($this->library, Library::path(), 'an absolute path is handed to FFI');
        $this->assertSame(Library::ABI_VERSION, Library::ffi()->dpa_abi_version());
    }

    /** A DPA_LIB that names no file is an error naming it: no other library is tried. */
    public function testEnvironmentVariableNamingNoFileIsAnError(): void
    {
        putenv(Library::ENV . '=/nonexistent/libdpa.so');
        try {
            Library::ffi();
            $this->fail('a DPA_LIB that names no file must throw');
        } catch (RuntimeException $e) {
            $this->assertSame(
                'libdpa not found at /nonexistent/libdpa.so (from the environment variable DPA_LIB)',
                $e->getMessage()
            );
        }
        $this->assertNull(Library::path(), 'nothing was loaded');
    }

    /** A path given that names a directory, not a file, is refused as well. */
    public function testPathGivenNamingNoFileIsAnError(): void
    {
        $this->expectException(RuntimeException::class);
        $this->expectExceptionMessage('libdpa not found at /tmp (from the path given to Dpa\Library::load())');
        Library::load('/tmp');
    }

    /** Once loaded, the library stays: the same path again is fine, another is refused. */
    public function testAnotherPathAfterLoadingIsRefused(): void
    {
        $ffi = Library::load($this->library);
        $this->assertSame($ffi, Library::load($this->library));
        $this->assertSame($ffi, Library::load(), 'no path: the loaded library');
        $this->expectException(LogicException::class);
        $this->expectExceptionMessage("libdpa is already loaded from $this->library");
        Library::load('/usr/lib/libdpa-other.so');
    }

    /** The header PHP reads is the generated one beside php/src. */
    public function testHeader(): void
    {
        $this->assertSame(dirname(__DIR__) . '/dpa_php.h', Library::header());
        $this->assertStringStartsWith("#define FFI_SCOPE \"DPA\"\n#define FFI_LIB \"libdpa.so\"\n", (string) file_get_contents(Library::header()));
    }
}
