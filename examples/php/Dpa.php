<?php
/**
 * The PHP wrapper of libdpa without Composer: loads the classes of the
 * namespace Dpa from php/src (Library, Agreement, Calendar, DpaException).
 *
 *   require 'examples/php/Dpa.php';
 *
 * With Composer, require its autoloader instead (`composer dump-autoload`
 * in a clone, or `composer require` in a project; docs/c-and-php.md):
 *
 *   require 'vendor/autoload.php';
 *
 * Both may be used in one process: require_once and the autoloader load
 * each class once.
 */

declare(strict_types=1);

foreach (['DpaException', 'Library', 'Agreement', 'Calendar'] as $class) {
    if (!class_exists("Dpa\\$class", false)) {
        require_once __DIR__ . "/../../php/src/$class.php";
    }
}
