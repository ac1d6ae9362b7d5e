<?php
/**
 * Prints the deletion deadline and the consistency findings of data
 * processing agreements, through libdpa from PHP.
 *
 *   php examples/php/deadlines.php [--terminated YYYY-MM-DD] [--at YYYY-MM-DD] [FILE ...]
 *
 * Defaults: --terminated 2026-11-30, --at 2026-11-23 and the two seed
 * agreements (run it from the repository root). The library is found as
 * Dpa\Library::load() describes (DPA_LIB, or target/release).
 */

declare(strict_types=1);

// Composer's autoloader: `composer dump-autoload` (or `composer install`) in
// the repository makes it (docs/c-and-php.md).
require __DIR__ . '/../../vendor/autoload.php';

use Dpa\Agreement;
use Dpa\DpaException;

$terminated = '2026-11-30';
$at = '2026-11-23';
$files = [];
for ($i = 1; $i < $argc; $i++) {
    match ($argv[$i]) {
        '--terminated' => $terminated = $argv[++$i] ?? '',
        '--at' => $at = $argv[++$i] ?? '',
        default => $files[] = $argv[$i],
    };
}
if ($files === []) {
    $files = ['examples/agreements/belco.toml', 'examples/agreements/alles-online.toml'];
}

$status = 0;
foreach ($files as $file) {
    try {
        $agreement = Agreement::fromFile($file);
        $deletion = $agreement->deadline('deletion', $terminated);
        echo "$file\n";
        echo "  deletion after termination on $terminated: by {$deletion['due']} ({$deletion['citation']})\n";
        if ($deletion['note'] !== null) {
            echo "    note: {$deletion['note']}\n";
        }
        $findings = $agreement->check($at);
        echo '  findings as of ' . $at . ': ' . count($findings) . "\n";
        foreach ($findings as $f) {
            echo "    {$f['severity']}[{$f['code']}]: {$f['message']}\n";
        }
    } catch (DpaException $e) {
        fwrite(STDERR, "$file: {$e->statusName}: {$e->getMessage()}\n");
        $status = 2;
    }
}
exit($status);
