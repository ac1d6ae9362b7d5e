<?php

declare(strict_types=1);

namespace Dpa\Tests;

use Dpa\Agreement;
use Dpa\Library;
use Error;
use LogicException;
use ReflectionClass;
use Throwable;

/**
 * An agreement is a handle in this process: freed by __destruct, never
 * copied, serialised or unserialised.
 */
final class HandlesTest extends DpaTestCase
{
    /** serialize() and unserialize() are refused with a LogicException; an object made without the constructor destructs quietly. */
    public function testSerialisationRefused(): void
    {
        try {
            serialize($this->belco);
            $this->check(false, 'serialize must fail');
        } catch (LogicException) {
            $this->check(true, 'serialize fails');
        }
        $liveBefore = Library::$liveAgreements;
        try {
            unserialize(sprintf('O:%d:"%s":0:{}', strlen(Agreement::class), Agreement::class));
            $this->check(false, 'unserialize must fail');
        } catch (LogicException $e) {
            $this->check(str_contains($e->getMessage(), 'fromJson'), 'unserialize fails: ' . $e->getMessage());
        }
        try {
            $bare = (new ReflectionClass(Agreement::class))->newInstanceWithoutConstructor();
            unset($bare);
            $this->check(true, 'an object without a handle destructs');
        } catch (Throwable $e) {
            $this->check(false, 'an object without a handle destructs: ' . $e->getMessage());
        }
        $this->check(Library::$liveAgreements === $liveBefore, 'no handle counted for them');
    }

    /** __destruct frees every handle; clone is refused. */
    public function testHandlesFreedAndNotCopied(): void
    {
        $before = Library::$liveAgreements;
        for ($i = 0; $i < 50; $i++) {
            $a = Agreement::fromToml($this->belcoToml);
            unset($a);
        }
        $this->check(Library::$liveAgreements === $before, '__destruct frees every handle');
        try {
            $copy = clone $this->belco;
            $this->check(false, 'clone must fail');
        } catch (Error $e) {
            $this->check(true, 'clone fails');
        }
        $this->belco = null;
        $this->alles = null;
        $this->check(Library::$liveAgreements === 0, 'no handle left');
    }
}
