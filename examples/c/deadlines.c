/*
 * Prints the deadlines of data processing agreements for a termination date
 * and a breach discovered at an instant.
 *
 *   deadlines [-t YYYY-MM-DD] [-b YYYY-MM-DDTHH:MM[:SS]+hh:mm] [FILE.toml ...]
 *
 * Defaults: -t 2026-11-30, -b 2026-03-28T10:30:00+01:00, and the two seed
 * agreements examples/agreements/belco.toml and alles-online.toml (run it
 * from the repository root).
 *
 * Build (after scripts/install-c.sh):
 *   cc -std=c11 deadlines.c $(pkg-config --cflags --libs dpa) -o deadlines
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dpa.h"
#include "util.h"

static void print_deadline(const char *what, const dpa_deadline *d) {
    /* due_text is what `dpa deadline` prints: a date, an instant or "none". */
    const char *bound = d->bound == DPA_BOUND_NO_EARLIER_THAN ? "from" : "by  ";
    char ends[32];
    switch (d->due_kind) {
    case DPA_DUE_KIND_DATE:
        format_instant(d->due_unix, ends, sizeof ends);
        printf("  %-18s %s %s (ends %s)", what, bound, d->due_text, ends);
        if (d->shifted) {
            printf(", moved from %04d-%02u-%02u", (int)d->shifted_from.year,
                   d->shifted_from.month, d->shifted_from.day);
        }
        printf("\n");
        break;
    case DPA_DUE_KIND_INSTANT:
        printf("  %-18s %s %s\n", what, bound, d->due_text);
        break;
    default:
        printf("  %-18s %s (no fixed term)\n", what, d->due_text);
        break;
    }
}

static int report(const char *path, dpa_date terminated, int64_t breach) {
    size_t len = 0;
    char *text = read_file(path, &len);
    if (text == NULL) {
        fprintf(stderr, "deadlines: cannot read %s\n", path);
        return 2;
    }
    dpa_agreement *agreement = NULL;
    dpa_status st = dpa_agreement_from_toml(text, len, &agreement);
    free(text);
    if (st != DPA_STATUS_OK) {
        fprintf(stderr, "deadlines: %s: %s: %s\n", path, dpa_status_name(st), last_error());
        return 2;
    }

    char breach_text[32];
    format_instant(breach, breach_text, sizeof breach_text);
    printf("%s (terminated %04d-%02u-%02u, breach discovered %s)\n", path, (int)terminated.year,
           terminated.month, terminated.day, breach_text);

    dpa_deadline d;
    int failed = 0;
#define SHOW(label, call)                                                                         \
    do {                                                                                          \
        dpa_status s_ = (call);                                                                   \
        if (s_ == DPA_STATUS_OK) {                                                                \
            print_deadline(label, &d);                                                            \
        } else {                                                                                  \
            printf("  %-18s error %s: %s\n", label, dpa_status_name(s_), last_error());          \
            failed = 1;                                                                           \
        }                                                                                         \
    } while (0)
    SHOW("deletion", dpa_agreement_deletion_deadline(agreement, terminated.year, terminated.month,
                                                     terminated.day, &d));
    SHOW("backup deletion",
         dpa_agreement_backup_deletion_deadline(agreement, terminated.year, terminated.month,
                                                terminated.day, &d));
    SHOW("breach notice", dpa_agreement_breach_notice_deadline(agreement, breach, &d));
    SHOW("authority notice", dpa_agreement_authority_notice_deadline(agreement, breach, &d));
#undef SHOW

    dpa_agreement_free(agreement);
    return failed;
}

int main(int argc, char **argv) {
    if (dpa_abi_version() != DPA_ABI_VERSION) {
        fprintf(stderr, "deadlines: libdpa has ABI %u, this program was built for %u\n",
                dpa_abi_version(), (unsigned)DPA_ABI_VERSION);
        return 2;
    }
    dpa_date terminated = {2026, 11, 30};
    int64_t breach = 0;
    if (!parse_instant("2026-03-28T10:30:00+01:00", &breach)) {
        return 2;
    }
    int first_file = argc;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-t") == 0 && i + 1 < argc) {
            if (!parse_date(argv[++i], &terminated)) {
                fprintf(stderr, "deadlines: -t %s: expected YYYY-MM-DD\n", argv[i]);
                return 2;
            }
        } else if (strcmp(argv[i], "-b") == 0 && i + 1 < argc) {
            if (!parse_instant(argv[++i], &breach)) {
                fprintf(stderr, "deadlines: -b %s: expected YYYY-MM-DDTHH:MM[:SS]+hh:mm\n",
                        argv[i]);
                return 2;
            }
        } else {
            first_file = i;
            break;
        }
    }
    static const char *seeds[] = {"examples/agreements/belco.toml",
                                  "examples/agreements/alles-online.toml"};
    int status = 0;
    if (first_file >= argc) {
        for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
            status |= report(seeds[i], terminated, breach);
        }
    } else {
        for (int i = first_file; i < argc; i++) {
            status |= report(argv[i], terminated, breach);
        }
    }
    return status;
}
