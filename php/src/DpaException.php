<?php

declare(strict_types=1);

namespace Dpa;

/** A failing libdpa call: the status, its name, the field path and the message. */
final class DpaException extends \RuntimeException
{
    public function __construct(
        public readonly int $status,
        public readonly string $statusName,
        public readonly string $path,
        string $message,
    ) {
        parent::__construct($message, $status);
    }
}
