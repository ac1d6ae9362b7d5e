<?php
/**
 * A few `dpa` commands answered through libdpa from PHP, printing what the
 * `dpa` command prints, so that scripts/test-c.sh can compare the two byte
 * for byte:
 *
 *   php cli.php check FILE --at DATE                     (= dpa check FILE --at DATE --format json)
 *   php cli.php deadline KIND FILE --from X [--impact I] (= dpa deadline ... --format json)
 *   php cli.php deadlines FILE --events EVENTS --at DATE (= dpa deadlines ... --format json)
 *   php cli.php transfers FILE --on DATE                 (= dpa transfers ... --format json)
 *   php cli.php diff OLD NEW [--notified DATE]           (= dpa diff ... --format json)
 *   php cli.php coverage FILE                            (= dpa coverage FILE --format json)
 *   php cli.php due KIND FILE --from X                   the due date from the struct path
 *   php cli.php due-many KIND FILE X [X ...]             the due dates from the batch path
 */

declare(strict_types=1);

// Composer's autoloader: `composer dump-autoload` (or `composer install`) in
// the repository makes it (docs/c-and-php.md).
require __DIR__ . '/../../vendor/autoload.php';

use Dpa\Agreement;
use Dpa\DpaException;

function option(array $args, string $name): ?string
{
    $i = array_search($name, $args, true);
    return $i === false ? null : ($args[$i + 1] ?? null);
}

$args = array_slice($argv, 1);
try {
    switch ($args[0] ?? '') {
        case 'check':
            echo Agreement::fromFile($args[1])->checkJson(option($args, '--at'));
            break;
        case 'deadline':
            echo Agreement::fromFile($args[2])->deadlineJson($args[1], (string) option($args, '--from'), option($args, '--impact'));
            break;
        case 'deadlines':
            $events = (string) file_get_contents((string) option($args, '--events'));
            echo Agreement::fromFile($args[1])->timelineJson($events, option($args, '--at'));
            break;
        case 'transfers':
            echo Agreement::fromFile($args[1])->transfersJson(option($args, '--on'));
            break;
        case 'diff':
            echo Agreement::fromFile($args[1])->diffJson(Agreement::fromFile($args[2]), option($args, '--notified'));
            break;
        case 'coverage':
            echo Agreement::fromFile($args[1])->coverageJson();
            break;
        case 'due':
            $a = Agreement::fromFile($args[2]);
            $from = (string) option($args, '--from');
            $d = match ($args[1]) {
                'deletion' => $a->deletionDeadline($from),
                'backup-deletion' => $a->backupDeletionDeadline($from),
                'breach-notice' => $a->breachNoticeDeadline($from),
                'authority-notice' => $a->authorityNoticeDeadline($from),
                'next-audit' => $a->nextAuditAllowed($from),
                'audit-notice' => $a->earliestAuditDate($from),
                'termination-window' => $a->terminationWindowEnd($from),
            };
            echo ($d['due'] ?? 'none') . "\n";
            break;
        case 'due-many':
            $due = Agreement::fromFile($args[2])->dueDates($args[1], array_slice($args, 3));
            echo implode("\n", array_map(fn ($d) => $d ?? 'none', $due)) . "\n";
            break;
        default:
            fwrite(STDERR, "usage: php cli.php check|deadline|deadlines|transfers|diff|coverage|due|due-many ...\n");
            exit(2);
    }
} catch (DpaException $e) {
    fwrite(STDERR, "dpa (php): error: {$e->getMessage()}\n");
    exit(2);
}
