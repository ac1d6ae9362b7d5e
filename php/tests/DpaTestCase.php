<?php

declare(strict_types=1);

namespace Dpa\Tests;

use Dpa\Agreement;
use Dpa\DpaException;
use Dpa\Library;
use PHPUnit\Framework\TestCase;

/**
 * The fixtures and assertions of the wrapper's tests: the two seed
 * agreements, Belco's text and its events file, and check()/throws() as
 * the former examples/php/test.php had them. After each test every
 * agreement it made is freed (Library::$liveAgreements is back where it
 * was).
 */
abstract class DpaTestCase extends TestCase
{
    /** The repository's root. */
    protected string $root;
    /** examples/agreements/belco.toml, as text. */
    protected string $belcoToml;
    /** examples/events/belco-2027.toml, as text. */
    protected string $events;
    /** Belco B.V., Data Pro Statement 1.3 (from its TOML text). */
    protected ?Agreement $belco;
    /** Alles Online B.V. (from its file). */
    protected ?Agreement $alles;
    /** Agreements alive before the test. */
    private int $liveBefore;

    protected function setUp(): void
    {
        $this->root = dirname(__DIR__, 2);
        $this->liveBefore = Library::$liveAgreements;
        $this->belcoToml = (string) file_get_contents("$this->root/examples/agreements/belco.toml");
        $this->events = (string) file_get_contents("$this->root/examples/events/belco-2027.toml");
        $this->belco = Agreement::fromToml($this->belcoToml);
        $this->alles = Agreement::fromFile("$this->root/examples/agreements/alles-online.toml");
    }

    protected function tearDown(): void
    {
        $this->belco = null;
        $this->alles = null;
        gc_collect_cycles();
        $this->assertSame($this->liveBefore, Library::$liveAgreements, 'every agreement the test made is freed');
    }

    /** Asserts $ok, saying $what. */
    protected function check(bool $ok, string $what): void
    {
        $this->assertTrue($ok, "check failed: $what");
    }

    /** Runs $f, which must throw a DpaException with $status (and $path, and $inMessage in its message). */
    protected function throws(callable $f, int $status, ?string $path = null, ?string $inMessage = null): void
    {
        try {
            $f();
        } catch (DpaException $e) {
            $this->assertSame($status, $e->status, "status {$e->status} ({$e->statusName}: {$e->getMessage()})");
            if ($path !== null) {
                $this->assertSame($path, $e->path, 'path');
            }
            if ($inMessage !== null) {
                $this->assertStringContainsString($inMessage, $e->getMessage());
            }
            $this->assertNotSame('', $e->getMessage(), 'an error has a message');
            return;
        }
        $this->fail("expected status $status, got no exception");
    }
}
