/*
 * Tests of libdpa through its C header: results on the seed agreements and
 * every error path (NULL, invalid UTF-8, broken TOML, an invalid agreement,
 * buffers too small, impossible dates and lengths, unknown enum values,
 * garbage input), reading files, and dates and names given as text.
 * Out-parameters must be untouched on every error.
 *
 *   test_dpa [REPO_ROOT]      (default: the current directory)
 *
 * Exit status 0 when every check passes; each failure is printed.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dpa.h"
#include "util.h"

static int checks = 0, failures = 0;

#define CHECK(cond)                                                                               \
    do {                                                                                          \
        checks++;                                                                                 \
        if (!(cond)) {                                                                            \
            failures++;                                                                           \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);             \
        }                                                                                         \
    } while (0)

#define CHECK_STATUS(call, expected)                                                              \
    do {                                                                                          \
        dpa_status got_ = (call);                                                                 \
        checks++;                                                                                 \
        if (got_ != (expected)) {                                                                 \
            failures++;                                                                           \
            fprintf(stderr, "%s:%d: %s\n  returned %s, expected %s (last error: %s)\n", __FILE__, \
                    __LINE__, #call, dpa_status_name(got_), dpa_status_name(expected),            \
                    last_error());                                                                \
        }                                                                                         \
    } while (0)

static char root[512] = ".";

static char *read_repo_file(const char *rel, size_t *len) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    char *text = read_file(path, len);
    if (text == NULL) {
        fprintf(stderr, "test_dpa: cannot read %s\n", path);
        exit(2);
    }
    return text;
}

static dpa_agreement *load(const char *rel) {
    size_t len = 0;
    char *text = read_repo_file(rel, &len);
    dpa_agreement *a = NULL;
    CHECK_STATUS(dpa_agreement_from_toml(text, len, &a), DPA_STATUS_OK);
    free(text);
    if (a == NULL) {
        fprintf(stderr, "test_dpa: cannot load %s\n", rel);
        exit(1);
    }
    return a;
}

static int last_path_is(const char *expected) {
    char buf[256];
    size_t len = 0;
    if (dpa_last_error_path(buf, sizeof buf, &len) != DPA_STATUS_OK) {
        return 0;
    }
    if (strcmp(buf, expected) != 0) {
        fprintf(stderr, "  last error path is '%s', expected '%s'\n", buf, expected);
        return 0;
    }
    return 1;
}

static int last_message_contains(const char *part) {
    const char *m = last_error();
    if (strstr(m, part) == NULL) {
        fprintf(stderr, "  last error '%s' lacks '%s'\n", m, part);
        return 0;
    }
    return 1;
}

/* A deadline filled with a pattern, to see that errors leave it alone. */
static dpa_deadline sentinel_deadline(void) {
    dpa_deadline d;
    memset(&d, 0xA5, sizeof d);
    return d;
}

static int is_sentinel(const dpa_deadline *d) {
    dpa_deadline s = sentinel_deadline();
    return memcmp(d, &s, sizeof s) == 0;
}

static void test_versions(void) {
    CHECK(dpa_abi_version() == DPA_ABI_VERSION);
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", DPA_VERSION_MAJOR, DPA_VERSION_MINOR,
             DPA_VERSION_PATCH);
    CHECK(strcmp(dpa_version(), expected) == 0);
    CHECK(dpa_noop() == DPA_STATUS_OK);
    CHECK(strcmp(dpa_status_name(DPA_STATUS_OK), "DPA_STATUS_OK") == 0);
    CHECK(strcmp(dpa_status_name(DPA_STATUS_PARSE_ERROR), "DPA_STATUS_PARSE_ERROR") == 0);
    CHECK(strcmp(dpa_status_name(DPA_STATUS_PANIC), "DPA_STATUS_PANIC") == 0);
    CHECK(strcmp(dpa_status_name(4000000000u), "DPA_STATUS_UNKNOWN") == 0);
}

static void test_seed_deadlines(void) {
    dpa_agreement *belco = load("examples/agreements/belco.toml");
    dpa_agreement *alles = load("examples/agreements/alles-online.toml");
    dpa_deadline d = sentinel_deadline();

    /* Belco terminated 2026-11-30: delete by 2027-02-28 (3 months, clamped). */
    CHECK_STATUS(dpa_agreement_deletion_deadline(belco, 2026, 11, 30, &d), DPA_STATUS_OK);
    CHECK(d.kind == DPA_DEADLINE_KIND_DELETION);
    CHECK(d.due_kind == DPA_DUE_KIND_DATE);
    CHECK(d.bound == DPA_BOUND_NO_LATER_THAN);
    CHECK(d.due_date.year == 2027 && d.due_date.month == 2 && d.due_date.day == 28);
    CHECK(strcmp(d.due_text, "2027-02-28") == 0);
    CHECK(!d.shifted);
    /* The date ends at 24:00 Amsterdam time (CET): 2027-02-28T23:00:00Z. */
    CHECK(d.due_unix == days_from_civil(2027, 2, 28) * 86400 + 23 * 3600);

    /* A breach at 2026-03-28T10:30+01:00: notify by 2026-03-29T09:30:00Z, 24 h
     * of elapsed time across the change to summer time. */
    int64_t breach = 0;
    CHECK(parse_instant("2026-03-28T10:30:00+01:00", &breach));
    CHECK(breach == 1774690200);
    d = sentinel_deadline();
    CHECK_STATUS(dpa_agreement_breach_notice_deadline(belco, breach, &d), DPA_STATUS_OK);
    CHECK(d.due_kind == DPA_DUE_KIND_INSTANT);
    CHECK(d.due_unix == 1774776600);
    char text[32];
    format_instant(d.due_unix, text, sizeof text);
    CHECK(strcmp(text, "2026-03-29T09:30:00Z") == 0);
    CHECK(strcmp(d.due_text, "2026-03-29T09:30:00Z") == 0);

    /* Alles Online: "without undue delay", no fixed term. */
    d = sentinel_deadline();
    CHECK_STATUS(dpa_agreement_breach_notice_deadline(alles, breach, &d), DPA_STATUS_OK);
    CHECK(d.due_kind == DPA_DUE_KIND_NONE);
    CHECK(d.due_unix == 0);
    CHECK(strcmp(d.due_text, "none") == 0);

    /* Any kind, with the trigger as text (as `dpa deadline --from` takes it). */
    const char *from = "2026-11-30";
    d = sentinel_deadline();
    CHECK_STATUS(dpa_agreement_deadline(belco, DPA_DEADLINE_KIND_DELETION, from, strlen(from),
                                        DPA_IMPACT_LOW, &d),
                 DPA_STATUS_OK);
    CHECK(strcmp(d.due_text, "2027-02-28") == 0);
    from = "2026-03-28T10:30:00+01:00";
    CHECK_STATUS(dpa_agreement_deadline(belco, DPA_DEADLINE_KIND_BREACH_NOTICE, from,
                                        strlen(from), DPA_IMPACT_LOW, &d),
                 DPA_STATUS_OK);
    CHECK(d.due_unix == 1774776600);
    from = "2026-03-28T10:30:00"; /* no offset: refused, never guessed */
    d = sentinel_deadline();
    CHECK_STATUS(dpa_agreement_deadline(belco, DPA_DEADLINE_KIND_BREACH_NOTICE, from,
                                        strlen(from), DPA_IMPACT_LOW, &d),
                 DPA_STATUS_INVALID_VALUE);
    CHECK(is_sentinel(&d));

    /* The controller's 72 hours. */
    CHECK_STATUS(dpa_agreement_authority_notice_deadline(belco, breach, &d), DPA_STATUS_OK);
    CHECK(d.due_kind == DPA_DUE_KIND_INSTANT && d.due_unix == breach + 72 * 3600);

    /* Audits are "no earlier than". */
    CHECK_STATUS(dpa_agreement_next_audit_allowed(belco, 2026, 5, 4, &d), DPA_STATUS_OK);
    CHECK(d.bound == DPA_BOUND_NO_EARLIER_THAN && d.due_kind == DPA_DUE_KIND_DATE);
    dpa_date audits[] = {{2026, 5, 4}, {2025, 5, 4}};
    dpa_deadline d2;
    CHECK_STATUS(dpa_agreement_next_audit_allowed_after(belco, audits, 2, &d2), DPA_STATUS_OK);
    CHECK(memcmp(&d.due_date, &d2.due_date, sizeof d.due_date) == 0);
    CHECK_STATUS(dpa_agreement_earliest_audit_date(belco, 2026, 4, 20, &d), DPA_STATUS_OK);
    CHECK(d.kind == DPA_DEADLINE_KIND_AUDIT_NOTICE);
    CHECK_STATUS(dpa_agreement_termination_window_end(belco, 2026, 1, 10, &d), DPA_STATUS_OK);
    CHECK(d.kind == DPA_DEADLINE_KIND_TERMINATION_WINDOW);
    CHECK_STATUS(dpa_agreement_backup_deletion_deadline(belco, 2026, 11, 30, &d), DPA_STATUS_OK);
    CHECK(d.kind == DPA_DEADLINE_KIND_BACKUP_DELETION);

    /* Service response: Alles Online has a service level; Belco answers
     * either way or says why not. */
    dpa_status st = dpa_agreement_service_response(alles, breach, DPA_IMPACT_HIGH, &d);
    CHECK(st == DPA_STATUS_OK || st == DPA_STATUS_INVALID_VALUE);
    if (st == DPA_STATUS_OK) {
        CHECK(d.due_kind == DPA_DUE_KIND_INSTANT && d.due_unix == breach);
    }

    /* Batches give what single calls give. */
    dpa_date terminations[] = {{2026, 11, 30}, {2024, 1, 31}, {2026, 8, 31}};
    dpa_deadline many[3];
    CHECK_STATUS(dpa_agreement_date_deadlines(belco, DPA_DEADLINE_KIND_DELETION, terminations, 3,
                                              many, 3),
                 DPA_STATUS_OK);
    for (int i = 0; i < 3; i++) {
        dpa_deadline one;
        CHECK_STATUS(dpa_agreement_deletion_deadline(belco, terminations[i].year,
                                                     terminations[i].month, terminations[i].day,
                                                     &one),
                     DPA_STATUS_OK);
        CHECK(memcmp(&one.due_date, &many[i].due_date, sizeof one.due_date) == 0);
        CHECK(one.due_unix == many[i].due_unix);
    }
    int64_t instants[] = {breach, breach + 3600};
    CHECK_STATUS(dpa_agreement_instant_deadlines(belco, DPA_DEADLINE_KIND_BREACH_NOTICE, instants,
                                                 2, DPA_IMPACT_LOW, many, 3),
                 DPA_STATUS_OK);
    CHECK(many[0].due_unix == 1774776600 && many[1].due_unix == 1774776600 + 3600);
    /* Kinds must match the trigger. */
    CHECK_STATUS(dpa_agreement_date_deadlines(belco, DPA_DEADLINE_KIND_BREACH_NOTICE, terminations,
                                              3, many, 3),
                 DPA_STATUS_INVALID_VALUE);
    CHECK_STATUS(dpa_agreement_instant_deadlines(belco, DPA_DEADLINE_KIND_DELETION, instants, 2,
                                                 DPA_IMPACT_LOW, many, 3),
                 DPA_STATUS_INVALID_VALUE);

    dpa_agreement_free(belco);
    dpa_agreement_free(alles);
}

/* Whether two dues hold the same fields (field by field: the padding
 * after `shifted` is not part of the value). */
static int same_due(const dpa_due *a, const dpa_due *b) {
    return a->due_unix == b->due_unix && a->due_kind == b->due_kind && a->bound == b->bound &&
           memcmp(&a->due_date, &b->due_date, sizeof a->due_date) == 0 &&
           memcmp(&a->shifted_from, &b->shifted_from, sizeof a->shifted_from) == 0 &&
           a->shifted == b->shifted && a->provenance == b->provenance;
}

/* A date deadline as fields alone (dpa_due): Belco's deletion deadline, the
 * batch equal to the single calls and to the dpa_deadline functions' fields,
 * and the batch's errors. */
static void test_dues(void) {
    dpa_agreement *belco = load("examples/agreements/belco.toml");
    dpa_due due;

    /* Belco DPS 1.11 / clause 2.6.3: terminated 2026-11-30, deleted by
     * 2027-02-28 (the end of that day in Amsterdam, 23:00 UTC). */
    CHECK_STATUS(dpa_agreement_date_due(belco, DPA_DEADLINE_KIND_DELETION, 2026, 11, 30, &due),
                 DPA_STATUS_OK);
    CHECK(due.due_kind == DPA_DUE_KIND_DATE);
    CHECK(due.bound == DPA_BOUND_NO_LATER_THAN);
    CHECK(due.due_date.year == 2027 && due.due_date.month == 2 && due.due_date.day == 28);
    CHECK(due.due_unix == days_from_civil(2027, 2, 28) * 86400 + 23 * 3600);
    CHECK(!due.shifted);
    CHECK(due.shifted_from.year == 0 && due.shifted_from.month == 0 && due.shifted_from.day == 0);
    CHECK(due.provenance == DPA_PROVENANCE_STATED);
    /* The next audit: no earlier than, as dpa_agreement_next_audit_allowed. */
    dpa_deadline d;
    CHECK_STATUS(dpa_agreement_date_due(belco, DPA_DEADLINE_KIND_NEXT_AUDIT, 2026, 5, 4, &due),
                 DPA_STATUS_OK);
    CHECK_STATUS(dpa_agreement_next_audit_allowed(belco, 2026, 5, 4, &d), DPA_STATUS_OK);
    CHECK(due.bound == DPA_BOUND_NO_EARLIER_THAN && due.due_unix == d.due_unix);
    CHECK(memcmp(&due.due_date, &d.due_date, sizeof due.due_date) == 0);

    /* The batch: each value the single call's, and the fields of
     * dpa_agreement_date_deadlines. */
    dpa_date terminations[] = {{2026, 11, 30}, {2024, 1, 31}, {2026, 8, 31}};
    dpa_due dues[3];
    dpa_deadline deadlines[3];
    CHECK_STATUS(dpa_agreement_date_dues(belco, DPA_DEADLINE_KIND_DELETION, terminations, 3, dues,
                                         3),
                 DPA_STATUS_OK);
    CHECK_STATUS(dpa_agreement_date_deadlines(belco, DPA_DEADLINE_KIND_DELETION, terminations, 3,
                                              deadlines, 3),
                 DPA_STATUS_OK);
    for (int i = 0; i < 3; i++) {
        CHECK_STATUS(dpa_agreement_date_due(belco, DPA_DEADLINE_KIND_DELETION,
                                            terminations[i].year, terminations[i].month,
                                            terminations[i].day, &due),
                     DPA_STATUS_OK);
        CHECK(same_due(&due, &dues[i]));
        CHECK(dues[i].due_unix == deadlines[i].due_unix);
        CHECK(dues[i].due_kind == deadlines[i].due_kind && dues[i].bound == deadlines[i].bound);
        CHECK(memcmp(&dues[i].due_date, &deadlines[i].due_date, sizeof dues[i].due_date) == 0);
        CHECK(dues[i].shifted == deadlines[i].shifted);
        CHECK(dues[i].provenance == deadlines[i].provenance);
    }
    /* 2024-01-31 + 3 months, clamped: 2024-04-30. */
    CHECK(dues[1].due_date.year == 2024 && dues[1].due_date.month == 4 &&
          dues[1].due_date.day == 30);

    /* Errors: all or nothing, the first bad element named. */
    dpa_due untouched[3];
    memset(untouched, 0xA5, sizeof untouched);
    memcpy(dues, untouched, sizeof dues);
    dpa_date bad[] = {{2026, 11, 30}, {2026, 2, 30}, {2026, 8, 31}};
    CHECK_STATUS(dpa_agreement_date_dues(belco, DPA_DEADLINE_KIND_DELETION, bad, 3, dues, 3),
                 DPA_STATUS_OUT_OF_RANGE);
    CHECK(last_path_is("from[1]"));
    CHECK(last_message_contains("2026-02-30"));
    CHECK(memcmp(dues, untouched, sizeof dues) == 0);
    CHECK_STATUS(dpa_agreement_date_dues(belco, DPA_DEADLINE_KIND_BREACH_NOTICE, terminations, 3,
                                         dues, 3),
                 DPA_STATUS_INVALID_VALUE);
    CHECK(last_path_is("kind"));
    CHECK_STATUS(dpa_agreement_date_dues(belco, DPA_DEADLINE_KIND_DELETION, terminations, 3, dues,
                                         2),
                 DPA_STATUS_BUFFER_TOO_SMALL);
    CHECK(last_path_is("out"));
    CHECK(memcmp(dues, untouched, sizeof dues) == 0);
    memcpy(&due, &untouched[0], sizeof due);
    CHECK_STATUS(dpa_agreement_date_due(belco, DPA_DEADLINE_KIND_DELETION, 9999, 10, 1, &due),
                 DPA_STATUS_OUT_OF_RANGE);
    CHECK(last_path_is("from"));
    CHECK_STATUS(dpa_agreement_date_due(belco, DPA_DEADLINE_KIND_AUTHORITY_NOTICE, 2026, 11, 30,
                                        &due),
                 DPA_STATUS_INVALID_VALUE);
    CHECK(last_path_is("kind"));
    CHECK(memcmp(&due, &untouched[0], sizeof due) == 0);
    CHECK_STATUS(dpa_agreement_date_due(NULL, DPA_DEADLINE_KIND_DELETION, 2026, 11, 30, &due),
                 DPA_STATUS_NULL_ARGUMENT);
    CHECK(last_path_is("agreement"));

    dpa_agreement_free(belco);
}

static void test_json(void) {
    dpa_agreement *belco = load("examples/agreements/belco.toml");
    char *out = NULL;
    size_t len = 0;

    CHECK_STATUS(dpa_agreement_check_json(belco, 2026, 11, 23, &out, &len), DPA_STATUS_OK);
    CHECK(out != NULL && strlen(out) == len);
    CHECK(out != NULL && strncmp(out, "{\n  \"findings\": [", 17) == 0);
    CHECK(out != NULL && out[len - 1] == '\n');
    dpa_string_free(out);

    const char *from = "2026-11-30";
    CHECK_STATUS(dpa_agreement_deadline_json(belco, DPA_DEADLINE_KIND_DELETION, from,
                                             strlen(from), DPA_IMPACT_LOW, &out, &len),
                 DPA_STATUS_OK);
    CHECK(strstr(out, "\"due\": \"2027-02-28\"") != NULL);
    CHECK(strstr(out, "\"citation\": \"DPS 1.11, clause 2.6.3\"") != NULL);
    dpa_string_free(out);

    /* A date where an instant is needed, and the other way round. */
    out = (char *)&len; /* sentinel */
    CHECK_STATUS(dpa_agreement_deadline_json(belco, DPA_DEADLINE_KIND_BREACH_NOTICE, from,
                                             strlen(from), DPA_IMPACT_LOW, &out, &len),
                 DPA_STATUS_INVALID_VALUE);
    CHECK(out == (char *)&len);
    CHECK(last_path_is("from"));

    size_t events_len = 0;
    char *events = read_repo_file("examples/events/belco-2027.toml", &events_len);
    CHECK_STATUS(dpa_agreement_timeline_json(belco, events, events_len, DPA_FORMAT_AUTO, 2027, 3,
                                             1, &out, &len),
                 DPA_STATUS_OK);
    CHECK(strstr(out, "\"obligations\"") != NULL);
    dpa_string_free(out);
    CHECK_STATUS(dpa_agreement_timeline_ics(belco, events, events_len, DPA_FORMAT_TOML, 2027, 3,
                                            1, &out, &len),
                 DPA_STATUS_OK);
    CHECK(strncmp(out, "BEGIN:VCALENDAR\r\n", 17) == 0);
    dpa_string_free(out);
    /* Events that are not events. */
    const char *bad_events = "[[events]]\nkind = \"agreement-terminated\"\ndate = \"2026-02-30\"\n";
    CHECK_STATUS(dpa_agreement_timeline_json(belco, bad_events, strlen(bad_events),
                                             DPA_FORMAT_TOML, 2027, 3, 1, &out, &len),
                 DPA_STATUS_INVALID_VALUE);
    CHECK(last_message_contains("events[0]"));
    /* A deadline an event starts after the year 9999 names that event. */
    const char *late_events = "[[events]]\nkind = \"agreement-signed\"\ndate = 2020-01-01\n"
                              "[[events]]\nkind = \"agreement-terminated\"\ndate = 9999-12-01\n";
    CHECK_STATUS(dpa_agreement_timeline_json(belco, late_events, strlen(late_events),
                                             DPA_FORMAT_TOML, 9999, 12, 31, &out, &len),
                 DPA_STATUS_OUT_OF_RANGE);
    CHECK(last_path_is("events[1]"));
    CHECK(last_message_contains("events[1]: out of range: 9999-12-01 + 3 months"));
    CHECK_STATUS(dpa_agreement_timeline_json(belco, events, events_len, 7, 2027, 3, 1, &out, &len),
                 DPA_STATUS_INVALID_VALUE);
    free(events);

    /* Statuses a lawyer would accept (Alles Online): a notice "without undue
       delay" past the 72-hour bound is late, with the time elapsed; the
       deletion past its "in principe" term is exceeded; a return asked for
       and then made impossible by deleting the data is missed. */
    dpa_agreement *alles = load("examples/agreements/alles-online.toml");
    const char *open_terms =
        "[[events]]\nkind = \"breach-discovered\"\nat = 2026-09-01T10:00:00+02:00\n"
        "[[events]]\nkind = \"client-notified-of-breach\"\nat = 2026-09-05T10:00:00+02:00\n"
        "[[events]]\nkind = \"agreement-terminated\"\ndate = 2026-11-30\n"
        "[[events]]\nkind = \"data-return-requested\"\ndate = 2026-12-01\n"
        "[[events]]\nkind = \"data-deleted\"\ndate = 2027-03-03\n";
    CHECK_STATUS(dpa_agreement_timeline_json(alles, open_terms, strlen(open_terms),
                                             DPA_FORMAT_TOML, 2027, 3, 5, &out, &len),
                 DPA_STATUS_OK);
    CHECK(strstr(out, "\"status\": \"late\"") != NULL);
    CHECK(strstr(out, "\"elapsed\": \"P4D\"") != NULL);
    CHECK(strstr(out, "\"late_after\": \"2026-09-04T08:00:00Z\"") != NULL);
    CHECK(strstr(out, "\"status\": \"exceeded\"") != NULL);
    CHECK(strstr(out, "\"impossible_since\": \"2027-03-03\"") != NULL);
    dpa_string_free(out);
    dpa_agreement_free(alles);

    /* Round trip through JSON and TOML gives the same deadlines. */
    char *json = NULL, *toml = NULL;
    size_t json_len = 0, toml_len = 0;
    CHECK_STATUS(dpa_agreement_to_json(belco, &json, &json_len), DPA_STATUS_OK);
    CHECK_STATUS(dpa_agreement_to_toml(belco, &toml, &toml_len), DPA_STATUS_OK);
    dpa_agreement *again = NULL, *again2 = NULL;
    CHECK_STATUS(dpa_agreement_from_json(json, json_len, &again), DPA_STATUS_OK);
    CHECK_STATUS(dpa_agreement_from_toml(toml, toml_len, &again2), DPA_STATUS_OK);
    dpa_deadline a, b;
    CHECK_STATUS(dpa_agreement_deletion_deadline(again, 2026, 11, 30, &a), DPA_STATUS_OK);
    CHECK_STATUS(dpa_agreement_deletion_deadline(again2, 2026, 11, 30, &b), DPA_STATUS_OK);
    CHECK(a.due_unix == b.due_unix && a.due_date.day == 28);
    /* TOML text is not JSON: a parse error, as the header says. */
    CHECK_STATUS(dpa_agreement_from_json(toml, toml_len, &again), DPA_STATUS_PARSE_ERROR);
    dpa_string_free(json);
    dpa_string_free(toml);
    dpa_agreement_free(again);
    dpa_agreement_free(again2);

    /* Text batches: one value per line in, one per line out. */
    const char *lines = "2026-11-30\n2024-01-31\n";
    CHECK_STATUS(dpa_agreement_deadlines_text(belco, DPA_DEADLINE_KIND_DELETION, lines,
                                              strlen(lines), DPA_IMPACT_LOW, &out, &len),
                 DPA_STATUS_OK);
    CHECK(strcmp(out, "2027-02-28\n2024-04-30") == 0);
    dpa_string_free(out);
    CHECK_STATUS(dpa_add_months_text(lines, strlen(lines), 1, DPA_MONTH_RULE_CLAMP, &out, &len),
                 DPA_STATUS_OK);
    CHECK(strcmp(out, "2026-12-30\n2024-02-29") == 0);
    dpa_string_free(out);
    const char *bad_lines = "2026-11-30\n2026-02-30";
    CHECK_STATUS(dpa_add_months_text(bad_lines, strlen(bad_lines), 1, DPA_MONTH_RULE_CLAMP, &out,
                                     &len),
                 DPA_STATUS_OUT_OF_RANGE);
    CHECK(last_path_is("dates[1]"));

    /* Transfers and diff. */
    CHECK_STATUS(dpa_agreement_transfers_json(belco, 2026, 11, 23, &out, &len), DPA_STATUS_OK);
    CHECK(strstr(out, "\"assessments\"") != NULL && strstr(out, "\"on\": \"2026-11-23\"") != NULL);
    /* Belco DPS 1.8, 1.9: the US sub-processors may reach the data from the
       US, a transfer covered by SCCs of an edition the statement does not
       name. */
    CHECK(strstr(out, "\"access_from\": [\n        \"US\"\n      ]") != NULL);
    CHECK(strstr(out, "`Amazon, Inc.` transfers data to US (access from there); covered by "
                      "scc-edition-not-stated") != NULL);
    CHECK(strstr(out, "\"code\": \"non-eea-seat\"") == NULL);
    dpa_string_free(out);
    dpa_agreement *old = load("examples/agreements/belco-1.2.2.toml");
    dpa_date effective = {0, 0, 0};
    CHECK_STATUS(dpa_agreement_effective_date(belco, &effective), DPA_STATUS_OK);
    CHECK(effective.year == 2022 && effective.month == 1 && effective.day == 4);
    CHECK_STATUS(dpa_agreement_diff_json(old, belco, effective.year, effective.month, effective.day,
                                         &out, &len),
                 DPA_STATUS_OK);
    CHECK(strstr(out, "\"changes\"") != NULL);
    dpa_string_free(out);
    CHECK_STATUS(dpa_agreement_diff_json(NULL, belco, 2022, 1, 4, &out, &len),
                 DPA_STATUS_NULL_ARGUMENT);
    dpa_agreement_free(old);

    CHECK_STATUS(dpa_schema_json(&out, &len), DPA_STATUS_OK);
    CHECK(strstr(out, "\"$schema\"") != NULL);
    dpa_string_free(out);

    dpa_agreement_free(belco);
}

/* The GDPR art. 28 coverage table: Belco's verdict and clauses per item, an
 * item left uncovered by a removed clause, and NULL arguments. */
static void test_coverage(void) {
    dpa_agreement *belco = load("examples/agreements/belco.toml");
    char *out = NULL;
    size_t len = 0;

    CHECK_STATUS(dpa_agreement_coverage_json(belco, &out, &len), DPA_STATUS_OK);
    CHECK(out != NULL && strlen(out) == len);
    static const char head[] = "{\n  \"coverage\": [\n    {\n      \"id\": \"28-2\",";
    static const char item_b[] = "      \"id\": \"28-3-b\",\n"
                                 "      \"article\": \"GDPR art. 28(3)(b)\",\n"
                                 "      \"name\": \"confidentiality of the persons processing\",\n";
    static const char item_h[] = "      \"id\": \"28-3-h\",\n"
                                 "      \"article\": \"GDPR art. 28(3)(h)\",\n"
                                 "      \"name\": \"information and audits\",\n"
                                 "      \"verdict\": \"covered\",\n"
                                 "      \"covered\": true,\n"
                                 "      \"clauses\": [\n"
                                 "        \"clause 2.7.3\",\n"
                                 "        \"clause 2.7.4\"\n"
                                 "      ],\n";
    /* Belco DPS 1.x states no types of personal data (GDPR art. 28(3)). */
    static const char data_types[] = "      \"id\": \"28-3-data-types\",\n"
                                     "      \"article\": \"GDPR art. 28(3)\",\n"
                                     "      \"name\": \"type of personal data\",\n"
                                     "      \"verdict\": \"not-covered\",\n";
    CHECK(out != NULL && strncmp(out, head, sizeof head - 1) == 0);
    CHECK(out != NULL && out[len - 1] == '\n');
    CHECK(out != NULL && strstr(out, data_types) != NULL);
    static const char clauses_b[] = "      \"verdict\": \"covered\",\n"
                                    "      \"covered\": true,\n"
                                    "      \"clauses\": [\n        \"clause 2.5.1\"\n      ],\n";
    const char *b = out == NULL ? NULL : strstr(out, item_b);
    CHECK(b != NULL && strncmp(b + strlen(item_b), clauses_b, sizeof clauses_b - 1) == 0);
    CHECK(out != NULL && strstr(out, item_h) != NULL);
    dpa_string_free(out);

    /* Belco with clause 2.5.1 removed by a deviation: art. 28(3)(b) uncovered. */
    size_t text_len = 0;
    char *text = read_repo_file("examples/agreements/belco.toml", &text_len);
    const char *deviation = "\n[[clauses.deviations]]\nclause = \"clause 2.5.1\"\n"
                            "kind = \"removed\"\nsummary = \"left out\"\n";
    char *terms = strstr(text, "\n[terms.duration]");
    CHECK(terms != NULL);
    if (terms != NULL) {
        size_t before = (size_t)(terms - text), dev_len = strlen(deviation);
        char *changed = malloc(text_len + dev_len);
        CHECK(changed != NULL);
        if (changed != NULL) {
            memcpy(changed, text, before);
            memcpy(changed + before, deviation, dev_len);
            memcpy(changed + before + dev_len, terms, text_len - before);
            dpa_agreement *without = NULL;
            CHECK_STATUS(dpa_agreement_from_toml(changed, text_len + dev_len, &without),
                         DPA_STATUS_OK);
            free(changed);
            out = NULL;
            if (without != NULL) {
                CHECK_STATUS(dpa_agreement_coverage_json(without, &out, &len), DPA_STATUS_OK);
            }
            if (out != NULL) {
                static const char uncovered[] = "      \"verdict\": \"not-covered\",\n"
                                                "      \"covered\": false,\n"
                                                "      \"clauses\": [],\n";
                const char *nb = strstr(out, item_b);
                CHECK(nb != NULL &&
                      strncmp(nb + strlen(item_b), uncovered, sizeof uncovered - 1) == 0);
                dpa_string_free(out);
            }
            dpa_agreement_free(without);
        }
    }
    free(text);

    /* NULL arguments: the path names the argument; nothing is written. */
    out = (char *)&len; /* sentinel */
    len = 77;
    CHECK_STATUS(dpa_agreement_coverage_json(NULL, &out, &len), DPA_STATUS_NULL_ARGUMENT);
    CHECK(last_path_is("agreement"));
    CHECK(out == (char *)&len && len == 77);
    CHECK_STATUS(dpa_agreement_coverage_json(belco, NULL, &len), DPA_STATUS_NULL_ARGUMENT);
    CHECK(last_path_is("out"));
    CHECK(len == 77);
    CHECK_STATUS(dpa_agreement_coverage_json(belco, &out, NULL), DPA_STATUS_NULL_ARGUMENT);
    CHECK(last_path_is("out_len"));
    CHECK(out == (char *)&len);

    dpa_agreement_free(belco);
}

static void test_calendar(void) {
    dpa_date r = {0, 0, 0};
    CHECK_STATUS(dpa_add_months(2024, 1, 31, 1, DPA_MONTH_RULE_CLAMP, &r), DPA_STATUS_OK);
    CHECK(r.year == 2024 && r.month == 2 && r.day == 29);
    CHECK_STATUS(dpa_add_months(2026, 2, 28, 3, DPA_MONTH_RULE_MONTH_END_STICKY, &r),
                 DPA_STATUS_OK);
    CHECK(r.month == 5 && r.day == 31);
    CHECK_STATUS(dpa_add_months(2026, 2, 28, 3, DPA_MONTH_RULE_THIRTY_DAYS, &r), DPA_STATUS_OK);
    CHECK(r.month == 5 && r.day == 29);

    /* By value: yyyymmdd in and out, 0 (never a date) on error. */
    CHECK(dpa_add_months_ymd(20260115, 3) == 20260415);
    CHECK(dpa_add_months_ymd(20240131, 1) == 20240229); /* leap year */
    CHECK(dpa_add_months_ymd(20250131, 1) == 20250228);
    CHECK(dpa_add_months_ymd(20240229, 12) == 20250228);
    CHECK(dpa_add_months_ymd(20260531, -1) == 20260430);
    CHECK(dpa_add_months_ymd(20261231, 1) == 20270131);
    CHECK(dpa_add_months_ymd(10101, 0) == 10101);
    CHECK(dpa_add_months_ymd_rule(20260228, 3, DPA_MONTH_RULE_MONTH_END_STICKY) == 20260531);
    CHECK(dpa_add_months_ymd_rule(20260228, 3, DPA_MONTH_RULE_THIRTY_DAYS) == 20260529);
    CHECK(dpa_add_months_ymd_rule(20240131, 1, DPA_MONTH_RULE_CLAMP) == 20240229);
    {
        const int32_t bad[] = {20260230, 20261301, 20260100, 0, -1, -20260101, INT32_MIN, 1231,
                               100000101};
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            CHECK(dpa_add_months_ymd(bad[i], 1) == 0);
            CHECK(last_path_is("yyyymmdd"));
            CHECK(dpa_add_months_ymd_rule(bad[i], 1, DPA_MONTH_RULE_CLAMP) == 0);
        }
    }
    CHECK(dpa_add_months_ymd(20260230, 1) == 0);
    CHECK(last_message_contains("2026-02-30 is not a date"));
    CHECK(dpa_add_months_ymd(99991231, 1) == 0); /* out of range */
    CHECK(last_path_is("yyyymmdd"));
    CHECK(dpa_add_months_ymd(10131, -1) == 0);
    CHECK(dpa_add_months_ymd(20260131, INT32_MAX) == 0);
    CHECK(dpa_add_months_ymd_rule(20260131, 1, 3) == 0);
    CHECK(last_path_is("rule"));

    dpa_date dates[] = {{2024, 1, 31}, {2026, 5, 31}, {2016, 2, 29}};
    dpa_date out[3];
    CHECK_STATUS(dpa_add_months_batch(dates, 3, 3, DPA_MONTH_RULE_CLAMP, out, 3), DPA_STATUS_OK);
    CHECK(out[0].month == 4 && out[0].day == 30);
    CHECK(out[2].year == 2016 && out[2].month == 5 && out[2].day == 29);
    /* In place. */
    CHECK_STATUS(dpa_add_months_batch(dates, 3, -1, DPA_MONTH_RULE_CLAMP, dates, 3),
                 DPA_STATUS_OK);
    CHECK(dates[0].year == 2023 && dates[0].month == 12 && dates[0].day == 31);
    /* Empty batches need no arrays. */
    CHECK_STATUS(dpa_add_months_batch(NULL, 0, 1, DPA_MONTH_RULE_CLAMP, NULL, 0), DPA_STATUS_OK);

    bool holiday = false;
    CHECK_STATUS(dpa_is_public_holiday(2026, 4, 3, &holiday), DPA_STATUS_OK);
    CHECK(holiday);
    CHECK_STATUS(dpa_is_public_holiday(2026, 5, 13, &holiday), DPA_STATUS_OK);
    CHECK(!holiday);
    dpa_date days[] = {{2026, 4, 3}, {2026, 5, 13}, {2026, 5, 5}, {2026, 12, 25}};
    bool flags[4];
    CHECK_STATUS(dpa_is_public_holiday_batch(days, 4, flags, 4), DPA_STATUS_OK);
    CHECK(flags[0] && !flags[1] && flags[2] && flags[3]);
    bool business = true;
    CHECK_STATUS(dpa_is_business_day(2026, 5, 2, &business), DPA_STATUS_OK);
    CHECK(!business);

    CHECK_STATUS(dpa_next_business_day(2026, 5, 14, &r), DPA_STATUS_OK);
    CHECK(r.year == 2026 && r.month == 5 && r.day == 18);
    CHECK_STATUS(dpa_next_business_day_batch(days, 4, out, 3), DPA_STATUS_BUFFER_TOO_SMALL);
    dpa_date four[4];
    CHECK_STATUS(dpa_next_business_day_batch(days, 4, four, 4), DPA_STATUS_OK);
    CHECK(four[1].day == 13 && four[2].day == 6);

    /* Two-call pattern for the holidays of a year. */
    size_t needed = 0;
    CHECK_STATUS(dpa_public_holidays(2026, NULL, 0, &needed), DPA_STATUS_BUFFER_TOO_SMALL);
    CHECK(needed == 11);
    dpa_holiday_date *list = malloc(needed * sizeof *list);
    size_t got = 0;
    CHECK_STATUS(dpa_public_holidays(2026, list, needed, &got), DPA_STATUS_OK);
    CHECK(got == 11);
    CHECK(list[0].holiday == DPA_HOLIDAY_NEW_YEARS_DAY && list[0].date.month == 1 &&
          list[0].date.day == 1);
    CHECK(list[1].holiday == DPA_HOLIDAY_DESIGNATED_DAY);
    CHECK(strcmp(dpa_holiday_name(list[0].holiday), "New Year's Day") == 0);
    CHECK(strcmp(dpa_holiday_dutch_name(DPA_HOLIDAY_WHIT_MONDAY), "Tweede Pinksterdag") == 0);
    CHECK(dpa_holiday_name(99) == NULL);
    free(list);
    int32_t years[] = {2026, 2027};
    CHECK_STATUS(dpa_public_holidays_batch(years, 2, NULL, 0, &needed),
                 DPA_STATUS_BUFFER_TOO_SMALL);
    CHECK(needed >= 20);
    list = malloc(needed * sizeof *list);
    CHECK_STATUS(dpa_public_holidays_batch(years, 2, list, needed, &got), DPA_STATUS_OK);
    CHECK(got == needed && list[got - 1].date.year == 2027);
    free(list);
    /* Before the Act came into force (1 April 1965): refused, saying why. */
    got = 99;
    CHECK_STATUS(dpa_public_holidays(1900, NULL, 0, &got), DPA_STATUS_OUT_OF_RANGE);
    CHECK(got == 99);
}

static void test_errors(void) {
    dpa_agreement *belco = load("examples/agreements/belco.toml");
    dpa_agreement *sentinel = (dpa_agreement *)&checks;
    dpa_agreement *a = sentinel;
    dpa_deadline d = sentinel_deadline();

    /* NULL arguments. */
    CHECK_STATUS(dpa_agreement_from_toml(NULL, 0, &a), DPA_STATUS_NULL_ARGUMENT);
    CHECK(a == sentinel);
    CHECK(last_path_is("text"));
    CHECK_STATUS(dpa_agreement_from_toml("", 0, NULL), DPA_STATUS_NULL_ARGUMENT);
    CHECK(last_path_is("out"));
    CHECK_STATUS(dpa_agreement_deletion_deadline(NULL, 2026, 11, 30, &d),
                 DPA_STATUS_NULL_ARGUMENT);
    CHECK(is_sentinel(&d));
    CHECK(last_path_is("agreement"));
    CHECK_STATUS(dpa_agreement_deletion_deadline(belco, 2026, 11, 30, NULL),
                 DPA_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(dpa_add_months(2026, 1, 1, 1, DPA_MONTH_RULE_CLAMP, NULL),
                 DPA_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(dpa_add_months_batch(NULL, 3, 1, DPA_MONTH_RULE_CLAMP, NULL, 3),
                 DPA_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(dpa_agreement_check_json(belco, 2026, 1, 1, NULL, NULL),
                 DPA_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(dpa_public_holidays(2026, NULL, 0, NULL), DPA_STATUS_NULL_ARGUMENT);
    dpa_agreement_free(NULL);
    dpa_string_free(NULL);

    /* Invalid UTF-8. */
    const char bad_utf8[] = "dpa_format = 1\n# \xff\xfe\n";
    CHECK_STATUS(dpa_agreement_from_toml(bad_utf8, sizeof bad_utf8 - 1, &a),
                 DPA_STATUS_INVALID_UTF8);
    CHECK(a == sentinel);
    CHECK(last_message_contains("offset 17"));

    /* Broken TOML: line and column in the message. */
    const char *broken = "dpa_format = 1\n[rules\nmonth_rule = 'clamp'\n";
    CHECK_STATUS(dpa_agreement_from_toml(broken, strlen(broken), &a), DPA_STATUS_PARSE_ERROR);
    CHECK(a == sentinel);
    CHECK(last_message_contains("line 2"));
    const char *broken_json = "{\"dpa_format\": 1,";
    CHECK_STATUS(dpa_agreement_from_json(broken_json, strlen(broken_json), &a),
                 DPA_STATUS_PARSE_ERROR);

    /* A valid TOML document that is not a valid agreement: the field path. */
    const char *unknown = "dpa_format = 1\n[rules]\nmonth_rul = 'clamp'\n";
    CHECK_STATUS(dpa_agreement_from_toml(unknown, strlen(unknown), &a), DPA_STATUS_INVALID_VALUE);
    CHECK(a == sentinel);
    CHECK(last_path_is("rules.month_rul"));
    CHECK(last_message_contains("rules.month_rul"));
    size_t len = 0;
    char *belco_text = read_repo_file("examples/agreements/belco.toml", &len);
    char *seat = strstr(belco_text, "seat = \"US\"");
    CHECK(seat != NULL);
    if (seat != NULL) {
        memcpy(seat, "seat = \"us\"", 11);
        CHECK_STATUS(dpa_agreement_from_toml(belco_text, len, &a), DPA_STATUS_INVALID_VALUE);
        CHECK(last_message_contains("statement.sub_processors["));
        CHECK(last_message_contains(".seat"));
    }
    free(belco_text);

    /* Impossible lengths: refused before the text is read. */
    CHECK_STATUS(dpa_agreement_from_toml("x", (size_t)16 * 1024 * 1024 + 1, &a),
                 DPA_STATUS_TOO_LARGE);
    CHECK_STATUS(dpa_agreement_from_toml("x", SIZE_MAX, &a), DPA_STATUS_TOO_LARGE);
    CHECK(a == sentinel);
    dpa_date one = {2026, 1, 1};
    dpa_date out_dates[1] = {{0, 0, 0}};
    CHECK_STATUS(dpa_add_months_batch(&one, SIZE_MAX / 2, 1, DPA_MONTH_RULE_CLAMP, out_dates,
                                      SIZE_MAX / 2),
                 DPA_STATUS_TOO_LARGE);

    /* Dates that do not exist, and results out of range. */
    d = sentinel_deadline();
    CHECK_STATUS(dpa_agreement_deletion_deadline(belco, 2026, 2, 30, &d), DPA_STATUS_OUT_OF_RANGE);
    CHECK(is_sentinel(&d));
    CHECK(last_path_is("terminated"));
    CHECK(last_message_contains("2026-02-30"));
    CHECK_STATUS(dpa_agreement_deletion_deadline(belco, 2026, 13, 1, &d), DPA_STATUS_OUT_OF_RANGE);
    CHECK_STATUS(dpa_agreement_deletion_deadline(belco, 0, 1, 1, &d), DPA_STATUS_OUT_OF_RANGE);
    CHECK_STATUS(dpa_agreement_deletion_deadline(belco, 10000, 1, 1, &d), DPA_STATUS_OUT_OF_RANGE);
    CHECK_STATUS(dpa_agreement_deletion_deadline(belco, 2026, 1, 0, &d), DPA_STATUS_OUT_OF_RANGE);
    CHECK_STATUS(dpa_agreement_deletion_deadline(belco, 2026, 4294967295u, 1, &d),
                 DPA_STATUS_OUT_OF_RANGE);
    CHECK_STATUS(dpa_agreement_deletion_deadline(belco, 9999, 12, 1, &d), DPA_STATUS_OUT_OF_RANGE);
    CHECK(is_sentinel(&d));
    CHECK_STATUS(dpa_agreement_breach_notice_deadline(belco, INT64_MAX, &d),
                 DPA_STATUS_OUT_OF_RANGE);
    CHECK_STATUS(dpa_agreement_breach_notice_deadline(belco, INT64_MIN, &d),
                 DPA_STATUS_OUT_OF_RANGE);
    CHECK(is_sentinel(&d));
    dpa_date r = {7, 7, 7};
    CHECK_STATUS(dpa_add_months(9999, 12, 31, 1, DPA_MONTH_RULE_CLAMP, &r),
                 DPA_STATUS_OUT_OF_RANGE);
    CHECK_STATUS(dpa_add_months(1, 1, 31, -1, DPA_MONTH_RULE_CLAMP, &r), DPA_STATUS_OUT_OF_RANGE);
    CHECK_STATUS(dpa_add_months(2026, 1, 31, INT32_MAX, DPA_MONTH_RULE_CLAMP, &r),
                 DPA_STATUS_OUT_OF_RANGE);
    CHECK(r.year == 7 && r.month == 7 && r.day == 7);

    /* A batch with one bad element: all or nothing, and the element named. */
    dpa_date batch[] = {{2026, 1, 31}, {2026, 3, 31}, {2026, 2, 29}, {2026, 4, 30}};
    dpa_date batch_out[4];
    memset(batch_out, 0x5A, sizeof batch_out);
    unsigned char untouched[sizeof batch_out];
    memcpy(untouched, batch_out, sizeof batch_out);
    CHECK_STATUS(dpa_add_months_batch(batch, 4, 1, DPA_MONTH_RULE_CLAMP, batch_out, 4),
                 DPA_STATUS_OUT_OF_RANGE);
    CHECK(last_path_is("dates[2]"));
    CHECK(memcmp(batch_out, untouched, sizeof batch_out) == 0);
    CHECK_STATUS(dpa_add_months_batch(batch, 4, 1, DPA_MONTH_RULE_CLAMP, batch_out, 3),
                 DPA_STATUS_BUFFER_TOO_SMALL);
    CHECK(memcmp(batch_out, untouched, sizeof batch_out) == 0);

    /* Unknown enum values. */
    CHECK_STATUS(dpa_add_months(2026, 1, 31, 1, 3, &r), DPA_STATUS_INVALID_VALUE);
    CHECK(last_path_is("rule"));
    /* Belco DPS 1.15: low impact "binnen de eerstvolgende kantooruren" (09:00
       t/m 17:00): reported Saturday 28 March 2026 10:30 CET, due by the end of
       Monday's office hours, 17:00 CEST = 15:00 UTC. */
    dpa_deadline low;
    CHECK_STATUS(dpa_agreement_service_response(belco, 1774690200, DPA_IMPACT_LOW, &low),
                 DPA_STATUS_OK);
    CHECK(low.due_unix == 1774882800);
    CHECK_STATUS(dpa_agreement_service_response(belco, 1774690200, 3, &d),
                 DPA_STATUS_INVALID_VALUE);
    CHECK(last_path_is("impact"));
    CHECK(last_message_contains("3 is not a dpa_impact value"));
    /* No impact: a service response needs one, as `dpa deadline` needs --impact. */
    CHECK_STATUS(dpa_agreement_service_response(belco, 1774690200, DPA_IMPACT_UNSTATED, &d),
                 DPA_STATUS_INVALID_VALUE);
    CHECK(last_path_is("impact"));
    CHECK(last_message_contains("service-response needs an impact"));
    CHECK(is_sentinel(&d));
    CHECK_STATUS(dpa_agreement_date_deadlines(belco, 99, batch, 1, &d, 1),
                 DPA_STATUS_INVALID_VALUE);
    CHECK(is_sentinel(&d));

    /* Buffers too small for the last error: two calls. */
    CHECK_STATUS(dpa_add_months(2026, 2, 30, 1, DPA_MONTH_RULE_CLAMP, &r),
                 DPA_STATUS_OUT_OF_RANGE);
    size_t need = 0;
    CHECK_STATUS(dpa_last_error_message(NULL, 0, &need), DPA_STATUS_BUFFER_TOO_SMALL);
    CHECK(need > 10);
    char small[4] = {'x', 'x', 'x', 'x'};
    size_t need2 = 0;
    CHECK_STATUS(dpa_last_error_message(small, sizeof small, &need2), DPA_STATUS_BUFFER_TOO_SMALL);
    CHECK(need2 == need && small[0] == 'x');
    char *msg = malloc(need + 1);
    CHECK_STATUS(dpa_last_error_message(msg, need, &need2), DPA_STATUS_BUFFER_TOO_SMALL);
    CHECK_STATUS(dpa_last_error_message(msg, need + 1, &need2), DPA_STATUS_OK);
    CHECK(strlen(msg) == need && strstr(msg, "2026-02-30") != NULL);
    free(msg);
    CHECK_STATUS(dpa_last_error_message(NULL, 5, &need), DPA_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(dpa_last_error_message(small, 4, NULL), DPA_STATUS_NULL_ARGUMENT);
    /* Reading the message never replaces it. */
    CHECK(last_message_contains("2026-02-30"));

    dpa_agreement_free(belco);
}

/* Replaces the first `from` in `text` (of `*len` bytes, NUL-terminated) with
 * `to`; returns a new malloc'd text and sets `*len`. */
static char *replaced(const char *text, size_t *len, const char *from, const char *to) {
    const char *at = strstr(text, from);
    if (at == NULL) {
        fprintf(stderr, "test_dpa: `%s` not found\n", from);
        exit(2);
    }
    size_t head = (size_t)(at - text), from_len = strlen(from), to_len = strlen(to);
    size_t out_len = *len - from_len + to_len;
    char *out = malloc(out_len + 1);
    if (out == NULL) {
        exit(2);
    }
    memcpy(out, text, head);
    memcpy(out + head, to, to_len);
    memcpy(out + head + to_len, at + from_len, *len - head - from_len);
    out[out_len] = '\0';
    *len = out_len;
    return out;
}

/* Errors a person can act on (issue 15 point 7): the format's words, a
 * country's name leading to its code, other encodings named with the line,
 * JSON as TOML, every missing field at once, the faulty event's field, and
 * the years the Algemene termijnenwet names no holidays for. */
static void test_actionable_errors(void) {
    dpa_agreement *sentinel = (dpa_agreement *)&checks;
    dpa_agreement *a = sentinel;
    size_t len = 0;
    char *belco = read_repo_file("examples/agreements/belco.toml", &len);

    /* `3 maanden`: a whole number of months, e.g. 3; no Rust type named. */
    size_t bad_len = len;
    char *bad = replaced(belco, &bad_len, "months = 3\n", "months = \"3 maanden\"\n");
    CHECK_STATUS(dpa_agreement_from_toml(bad, bad_len, &a), DPA_STATUS_INVALID_VALUE);
    CHECK(last_path_is("terms.deletion.months"));
    CHECK(last_message_contains("expected a whole number of months, e.g. 3"));
    CHECK(strstr(last_error(), "i64") == NULL);
    free(bad);
    bad_len = len;
    bad = replaced(belco, &bad_len, "notice = { kind = \"within-hours\", hours = 24 }",
                   "notice = \"24 uur\"");
    CHECK_STATUS(dpa_agreement_from_toml(bad, bad_len, &a), DPA_STATUS_INVALID_VALUE);
    CHECK(last_message_contains("expected a notice term"));
    CHECK(strstr(last_error(), "struct") == NULL && strstr(last_error(), "Repr") == NULL);
    free(bad);

    /* A country's name gets its code. */
    const char *names[][2] = {{"Nederland", "`NL`"}, {"Holland", "`NL`"},
                              {"VS", "`US`"},        {"Verenigde Staten", "`US`"},
                              {"Amerika", "`US`"},   {"Duitsland", "`DE`"},
                              {"UK", "`GB`"},        {"USA", "`US`"}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char seat[64];
        snprintf(seat, sizeof seat, "seat = \"%s\"", names[i][0]);
        bad_len = len;
        bad = replaced(belco, &bad_len, "seat = \"FR\"", seat);
        CHECK_STATUS(dpa_agreement_from_toml(bad, bad_len, &a), DPA_STATUS_INVALID_VALUE);
        CHECK(last_path_is("statement.sub_processors[0].seat"));
        CHECK(last_message_contains("did you mean"));
        CHECK(last_message_contains(names[i][1]));
        free(bad);
    }

    /* A byte-order mark is accepted, in TOML and JSON. */
    char *bom = malloc(len + 4);
    memcpy(bom, "\xEF\xBB\xBF", 3);
    memcpy(bom + 3, belco, len + 1);
    CHECK_STATUS(dpa_agreement_from_toml(bom, len + 3, &a), DPA_STATUS_OK);
    dpa_agreement_free(a);
    a = sentinel;
    free(bom);
    const char bom_json[] = "\xEF\xBB\xBF{\"dpa_format\": 1}";
    CHECK_STATUS(dpa_agreement_from_json(bom_json, sizeof bom_json - 1, &a),
                 DPA_STATUS_INVALID_VALUE);
    CHECK(last_message_contains("missing field `rules`"));

    /* Windows-1252 and UTF-16: named, with the line. */
    const char ansi[] = "dpa_format = 1\n# Belgi\xEB\n";
    CHECK_STATUS(dpa_agreement_from_toml(ansi, sizeof ansi - 1, &a), DPA_STATUS_INVALID_UTF8);
    CHECK(last_message_contains("at line 2, column 8"));
    CHECK(last_message_contains("it looks like Windows-1252"));
    const char utf16[] = "\xFF\xFE" "d\0p\0a\0_\0f\0o\0r\0m\0a\0t\0 \0=\0 \0" "1\0";
    CHECK_STATUS(dpa_agreement_from_toml(utf16, sizeof utf16 - 1, &a), DPA_STATUS_INVALID_UTF8);
    CHECK(last_message_contains("it looks like UTF-16 (little-endian)"));
    CHECK(a == sentinel);

    /* JSON read as TOML, and the reverse. */
    const char *json = "{\"dpa_format\": 1}";
    CHECK_STATUS(dpa_agreement_from_toml(json, strlen(json), &a), DPA_STATUS_PARSE_ERROR);
    CHECK(last_message_contains("this looks like JSON, not TOML"));
    CHECK_STATUS(dpa_agreement_from_json(belco, len, &a), DPA_STATUS_PARSE_ERROR);
    CHECK(last_message_contains("this looks like TOML, not JSON"));

    /* Every missing field in one error. */
    bad_len = len;
    bad = replaced(belco, &bad_len, "effective_date = 2022-01-04", "");
    size_t bad2_len = bad_len;
    char *bad2 = replaced(bad, &bad2_len, "significant_changes_notified = true", "");
    CHECK_STATUS(dpa_agreement_from_toml(bad2, bad2_len, &a), DPA_STATUS_INVALID_VALUE);
    CHECK(last_path_is("statement"));
    CHECK(last_message_contains(
        "missing field `effective_date`; also missing: "
        "`terms.statement_changes.significant_changes_notified`"));
    free(bad2);
    free(bad);

    /* The faulty event's own field. */
    dpa_agreement *b = load("examples/agreements/belco.toml");
    size_t events_len = 0;
    char *events = read_repo_file("examples/events/belco-2027.toml", &events_len);
    size_t bad_events_len = events_len;
    char *bad_events =
        replaced(events, &bad_events_len, "date = 2027-02-12", "at = 2027-02-12T10:00:00Z");
    char *out = NULL;
    size_t out_len = 0;
    CHECK_STATUS(dpa_agreement_timeline_json(b, bad_events, bad_events_len, DPA_FORMAT_TOML, 2027,
                                             3, 1, &out, &out_len),
                 DPA_STATUS_INVALID_VALUE);
    CHECK(last_path_is("events[7].at"));
    CHECK(last_message_contains("(line 39, column 6)"));
    free(bad_events);
    free(events);
    dpa_agreement_free(b);

    /* Holidays: none before the Act (1 April 1965), and it says so. */
    size_t n = 0;
    CHECK_STATUS(dpa_public_holidays(1964, NULL, 0, &n), DPA_STATUS_OUT_OF_RANGE);
    CHECK(last_message_contains("before the Algemene termijnenwet came into force"));
    CHECK_STATUS(dpa_public_holidays(0, NULL, 0, &n), DPA_STATUS_OUT_OF_RANGE);
    CHECK_STATUS(dpa_public_holidays(-5, NULL, 0, &n), DPA_STATUS_OUT_OF_RANGE);
    CHECK(last_message_contains("outside the years 1 to 9999"));
    /* 1965: from 1 April, so no New Year's Day: Good Friday, Easter Monday,
       Queen's Day, Ascension Day, Whit Monday, Christmas and Boxing Day. */
    CHECK_STATUS(dpa_public_holidays(1965, NULL, 0, &n), DPA_STATUS_BUFFER_TOO_SMALL);
    CHECK(n == 7);

    free(belco);
}

/* Garbage in: random bytes and mangled seeds must give a status, never a
 * crash, and (with valgrind or the sanitizers) never a leak or bad access. */
static void test_garbage(void) {
    uint64_t state = 0x9E3779B97F4A7C15u;
    char buf[512];
    size_t seed_len = 0;
    char *seed = read_repo_file("examples/agreements/belco.toml", &seed_len);
    int parsed = 0;
    for (int round = 0; round < 300; round++) {
        size_t n = 0;
        const char *text = buf;
        char *mangled = NULL;
        if (round % 3 == 2) {
            /* A seed with a few bytes changed. */
            mangled = malloc(seed_len);
            memcpy(mangled, seed, seed_len);
            for (int k = 0; k < 4; k++) {
                state = state * 6364136223846793005u + 1442695040888963407u;
                mangled[(state >> 33) % seed_len] = (char)(state >> 24);
            }
            text = mangled;
            n = seed_len;
        } else {
            state = state * 6364136223846793005u + 1442695040888963407u;
            n = (size_t)(state >> 33) % sizeof buf;
            for (size_t i = 0; i < n; i++) {
                state = state * 6364136223846793005u + 1442695040888963407u;
                static const char alphabet[] = " =[]{}\"a1\n.,:";
                buf[i] = round % 3 == 0 ? (char)(state >> 40) : alphabet[(state >> 40) % 14];
            }
        }
        dpa_agreement *a = NULL;
        dpa_status st = (round % 2 == 0) ? dpa_agreement_from_toml(text, n, &a)
                                         : dpa_agreement_from_json(text, n, &a);
        CHECK(st <= DPA_STATUS_TOO_LARGE);
        CHECK((st == DPA_STATUS_OK) == (a != NULL));
        if (a != NULL) {
            parsed++;
            dpa_deadline d;
            st = dpa_agreement_deletion_deadline(a, 2026, 11, 30, &d);
            CHECK(st == DPA_STATUS_OK || st == DPA_STATUS_OUT_OF_RANGE);
            dpa_agreement_free(a);
        } else {
            size_t need = 0;
            CHECK_STATUS(dpa_last_error_message(NULL, 0, &need), DPA_STATUS_BUFFER_TOO_SMALL);
        }
        free(mangled);
    }
    free(seed);
    (void)parsed;
    /* Arbitrary numbers for every scalar argument. */
    dpa_agreement *belco = load("examples/agreements/belco.toml");
    for (int i = 0; i < 2000; i++) {
        state = state * 6364136223846793005u + 1442695040888963407u;
        int32_t y = (int32_t)(state >> 32);
        uint32_t m = (uint32_t)(state >> 8) % 16, day = (uint32_t)(state >> 16) % 34;
        if (i % 2) {
            y = 1 + (int32_t)((state >> 20) % 9999);
        }
        dpa_date r;
        dpa_status st = dpa_add_months(y, m, day, (int32_t)(state >> 3), (uint32_t)(i % 4), &r);
        CHECK(st == DPA_STATUS_OK || st == DPA_STATUS_OUT_OF_RANGE ||
              st == DPA_STATUS_INVALID_VALUE);
        dpa_deadline d;
        st = dpa_agreement_deletion_deadline(belco, y, m, day, &d);
        CHECK(st == DPA_STATUS_OK || st == DPA_STATUS_OUT_OF_RANGE);
        st = dpa_agreement_breach_notice_deadline(belco, (int64_t)state, &d);
        CHECK(st == DPA_STATUS_OK || st == DPA_STATUS_OUT_OF_RANGE);
    }
    dpa_agreement_free(belco);
}

/* A growable text buffer for the limit tests. */
typedef struct {
    char *text;
    size_t len, cap;
} text_buf;

static void append(text_buf *b, const char *s, size_t n) {
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 1 << 16;
        while (cap < b->len + n) {
            cap *= 2;
        }
        char *bigger = realloc(b->text, cap);
        if (bigger == NULL) {
            fprintf(stderr, "test_dpa: out of memory\n");
            exit(2);
        }
        b->text = bigger;
        b->cap = cap;
    }
    memcpy(b->text + b->len, s, n);
    b->len += n;
}

static void append_str(text_buf *b, const char *s) { append(b, s, strlen(s)); }

static void append_repeat(text_buf *b, const char *s, size_t times) {
    for (size_t i = 0; i < times; i++) {
        append_str(b, s);
    }
}

/* Status of loading `b` as TOML (the handle, if any, is freed). */
static dpa_status load_status(const text_buf *b) {
    dpa_agreement *a = NULL;
    dpa_status st = dpa_agreement_from_toml(b->text, b->len, &a);
    dpa_agreement_free(a);
    return st;
}

/*
 * Every documented limit (README "Invariants and limits"): at the limit the
 * input is read, one past it is refused with the field's path.
 */
static void test_limits(void) {
    size_t belco_len = 0;
    char *belco_text = read_repo_file("examples/agreements/belco.toml", &belco_len);
    static const char sub_processor[] = "\n[[statement.sub_processors]]\nname = \"S\"\n"
                                        "purpose = \"p\"\nseat = \"FR\"\nlocations = [\"EU\"]\n"
                                        "engagement = \"always\"\nsource = [\"DPS 1.9\"]\n";

    /* 10,000 sub-processors (Belco's 14 and 9,986 more), then 10,001. */
    text_buf b = {NULL, 0, 0};
    append(&b, belco_text, belco_len);
    append_repeat(&b, sub_processor, 10000 - 14);
    CHECK_STATUS(load_status(&b), DPA_STATUS_OK);
    append_str(&b, sub_processor);
    CHECK_STATUS(load_status(&b), DPA_STATUS_INVALID_VALUE);
    CHECK(last_path_is("statement.sub_processors"));
    CHECK(last_message_contains("more than the limit of 10000 sub-processors"));

    /* A name of 65,536 characters, then 65,537. */
    const char *name = strstr(belco_text, "name = \"Belco B.V.\"");
    CHECK(name != NULL);
    if (name != NULL) {
        size_t head = (size_t)(name - belco_text), tail_at = head + strlen("name = \"Belco B.V.\"");
        for (size_t chars = 65536; chars <= 65537; chars++) {
            b.len = 0;
            append(&b, belco_text, head);
            append_str(&b, "name = \"");
            append_repeat(&b, "x", chars);
            append_str(&b, "\"");
            append(&b, belco_text + tail_at, belco_len - tail_at);
            CHECK_STATUS(load_status(&b), chars == 65536 ? DPA_STATUS_OK : DPA_STATUS_INVALID_VALUE);
        }
        CHECK(last_path_is("statement.processor.name"));
        CHECK(last_message_contains("65536"));
    }

    /* 100,000 events, then 100,001 (about 5 MB: under the size limit). */
    dpa_agreement *belco = load("examples/agreements/belco.toml");
    static const char event[] = "[[events]]\nkind = \"audit-held\"\ndate = 2026-11-30\n";
    for (size_t n = 100000; n <= 100001; n++) {
        b.len = 0;
        append_repeat(&b, event, n);
        char *out = NULL;
        size_t out_len = 0;
        CHECK_STATUS(dpa_agreement_timeline_json(belco, b.text, b.len, DPA_FORMAT_TOML, 2026, 12, 1,
                                                 &out, &out_len),
                     n == 100000 ? DPA_STATUS_OK : DPA_STATUS_INVALID_VALUE);
        dpa_string_free(out);
    }
    CHECK(last_path_is("events"));
    CHECK(last_message_contains("more than the limit of 100000 events"));

    /* Nesting far deeper than any agreement: an error, not a stack overflow. */
    for (int json = 0; json <= 1; json++) {
        b.len = 0;
        append_str(&b, json ? "{\"dpa_format\": 1, \"x\": " : "dpa_format = 1\nx = ");
        append_repeat(&b, "[", 100000);
        append_repeat(&b, "]", 100000);
        append_str(&b, json ? "}" : "\n");
        dpa_agreement *a = NULL;
        dpa_status st = json ? dpa_agreement_from_json(b.text, b.len, &a)
                             : dpa_agreement_from_toml(b.text, b.len, &a);
        CHECK(st == DPA_STATUS_PARSE_ERROR || st == DPA_STATUS_INVALID_VALUE);
        CHECK(a == NULL);
    }

    /* The document size: 16 MiB is read (comments only: no agreement), one
     * byte more is refused unread. */
    b.len = 0;
    append_repeat(&b, "################################", 16 * 1024 * 1024 / 32);
    CHECK_STATUS(load_status(&b), DPA_STATUS_INVALID_VALUE);
    CHECK(last_message_contains("missing field `dpa_format`"));
    append_str(&b, "#");
    CHECK_STATUS(load_status(&b), DPA_STATUS_TOO_LARGE);
    CHECK(last_message_contains("16777216"));

    /* 1,000,000 values in a TOML document: read (and refused for its key);
       one more is a parse error before parsing. */
    text_buf v = {NULL, 0, 0};
    append_str(&v, "x = [0");
    append_repeat(&v, ",0", 1000000 - 2);
    append_str(&v, "]\n");
    CHECK_STATUS(load_status(&v), DPA_STATUS_INVALID_VALUE);
    v.len -= 2;
    append_str(&v, ",0]\n");
    CHECK_STATUS(load_status(&v), DPA_STATUS_PARSE_ERROR);
    CHECK(last_message_contains("more than the limit of 1000000 values"));
    free(v.text);

    /* Years 1 to 9999, in arguments and in results. */
    dpa_deadline d;
    CHECK_STATUS(dpa_agreement_deletion_deadline(belco, 0, 12, 31, &d), DPA_STATUS_OUT_OF_RANGE);
    CHECK_STATUS(dpa_agreement_deletion_deadline(belco, 10000, 1, 1, &d), DPA_STATUS_OUT_OF_RANGE);
    CHECK_STATUS(dpa_agreement_deletion_deadline(belco, 9999, 12, 1, &d), DPA_STATUS_OUT_OF_RANGE);
    CHECK(dpa_add_months_ymd(10101, -1) == 0);
    CHECK(dpa_add_months_ymd(99991201, 1) == 0);

    dpa_agreement_free(belco);
    free(b.text);
    free(belco_text);
}

/* Writes `len` bytes to a new file at `path`; 1 on success. */
static int write_file(const char *path, const char *text, size_t len) {
    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        return 0;
    }
    size_t n = fwrite(text, 1, len, f);
    return fclose(f) == 0 && n == len;
}

static dpa_status load_file(const char *path, dpa_agreement **out) {
    return dpa_agreement_from_file(path, strlen(path), out);
}

/* dpa_agreement_from_file: read as the command reads a file. */
static void test_from_file(void) {
    dpa_agreement *a = NULL;
    dpa_deadline d;
    char path[1024];
    snprintf(path, sizeof path, "%s/examples/agreements/belco.toml", root);
    CHECK_STATUS(load_file(path, &a), DPA_STATUS_OK);
    CHECK_STATUS(dpa_agreement_deletion_deadline(a, 2026, 11, 30, &d), DPA_STATUS_OK);
    CHECK(strcmp(d.due_text, "2027-02-28") == 0);

    /* The format by the name's extension in any case, else by the text. */
    char *json = NULL, *toml = NULL;
    size_t json_len = 0, toml_len = 0;
    CHECK_STATUS(dpa_agreement_to_json(a, &json, &json_len), DPA_STATUS_OK);
    CHECK_STATUS(dpa_agreement_to_toml(a, &toml, &toml_len), DPA_STATUS_OK);
    dpa_agreement_free(a);
    const struct {
        const char *name;
        int is_json;
    } files[] = {{"/tmp/test_dpa_belco.JSON", 1},
                 {"/tmp/test_dpa_belco.Toml", 0},
                 {"/tmp/test_dpa_belco_json.txt", 1},
                 {"/tmp/test_dpa_belco_toml.txt", 0}};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        int written = files[i].is_json ? write_file(files[i].name, json, json_len)
                                       : write_file(files[i].name, toml, toml_len);
        CHECK(written);
        a = NULL;
        CHECK_STATUS(load_file(files[i].name, &a), DPA_STATUS_OK);
        if (a != NULL) {
            CHECK_STATUS(dpa_agreement_deletion_deadline(a, 2026, 11, 30, &d), DPA_STATUS_OK);
            CHECK(strcmp(d.due_text, "2027-02-28") == 0);
            dpa_agreement_free(a);
        }
        remove(files[i].name);
    }
    dpa_string_free(json);
    dpa_string_free(toml);

    /* What cannot be read: *out is left alone. */
    dpa_agreement *sentinel = (dpa_agreement *)&checks;
    a = sentinel;
    CHECK_STATUS(load_file("/tmp/test_dpa_no_such_file.toml", &a), DPA_STATUS_IO_ERROR);
    CHECK(last_path_is("path"));
    CHECK(last_message_contains("No such file"));
    CHECK_STATUS(load_file(root, &a), DPA_STATUS_IO_ERROR); /* a directory */
    CHECK(last_path_is("path"));
    /* A device that never ends: refused after 16 MiB, not read to the end. */
    CHECK_STATUS(load_file("/dev/zero", &a), DPA_STATUS_TOO_LARGE);
    CHECK(last_message_contains("16777216"));
    CHECK_STATUS(dpa_agreement_from_file(NULL, 0, &a), DPA_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(dpa_agreement_from_file("\xff.toml", 6, &a), DPA_STATUS_INVALID_UTF8);
    CHECK(a == sentinel);
    CHECK_STATUS(load_file(path, NULL), DPA_STATUS_NULL_ARGUMENT);
    CHECK(last_path_is("out"));
}

/* Dates and enumeration names as text, read by the library as dpa-core spells them. */
/*
 * The stack a calling thread needs (the header's STACK section; dpa-core's
 * limits::MIN_THREAD_STACK_BYTES): on a thread with exactly 64 KiB, the
 * deepest documents the nesting limit (32 levels) lets through are read,
 * deeper ones (33 levels, and the 80 the TOML parser itself used to take,
 * which overflowed such a thread) are DPA_STATUS_PARSE_ERROR, and the
 * bundled agreement loads, checks and writes back.
 */
#define STACK_BYTES (64 * 1024)

static dpa_status deep_status(int json, const char *open, const char *inner, const char *close,
                              size_t levels) {
    text_buf b = {NULL, 0, 0};
    append_str(&b, json ? "{\"a\": " : "a = ");
    append_repeat(&b, open, levels - 1);
    append_str(&b, inner);
    append_repeat(&b, close, levels - 1);
    append_str(&b, json ? "}" : "\n");
    dpa_agreement *a = NULL;
    dpa_status st = json ? dpa_agreement_from_json(b.text, b.len, &a)
                         : dpa_agreement_from_toml(b.text, b.len, &a);
    dpa_agreement_free(a);
    free(b.text);
    return st;
}

static void *small_stack_thread(void *arg) {
    (void)arg;
    static const size_t levels[] = {32, 33, 80};
    for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++) {
        /* 32 levels: read, then refused for its unknown key `a`. */
        dpa_status want = levels[i] <= 32 ? DPA_STATUS_INVALID_VALUE : DPA_STATUS_PARSE_ERROR;
        CHECK_STATUS(deep_status(0, "[", "", "]", levels[i]), want);
        CHECK_STATUS(deep_status(0, "{b=", "1", "}", levels[i]), want);
        CHECK_STATUS(deep_status(1, "[", "", "]", levels[i]), want);
        CHECK_STATUS(deep_status(1, "{\"b\":", "1", "}", levels[i]), want);
        if (want == DPA_STATUS_PARSE_ERROR) {
            CHECK(last_message_contains("limit of 32 levels"));
        }
    }
    dpa_agreement *belco = load("examples/agreements/belco.toml");
    char *out = NULL;
    size_t out_len = 0;
    CHECK_STATUS(dpa_agreement_check_json(belco, 2026, 11, 23, &out, &out_len), DPA_STATUS_OK);
    dpa_string_free(out);
    out = NULL;
    CHECK_STATUS(dpa_agreement_to_toml(belco, &out, &out_len), DPA_STATUS_OK);
    dpa_string_free(out);
    dpa_agreement_free(belco);
    return NULL;
}

static void test_small_stack(void) {
    pthread_attr_t attr;
    pthread_t thread;
    CHECK(pthread_attr_init(&attr) == 0);
    CHECK(pthread_attr_setstacksize(&attr, STACK_BYTES) == 0);
    int made = pthread_create(&thread, &attr, small_stack_thread, NULL);
    CHECK(made == 0);
    if (made == 0) {
        CHECK(pthread_join(thread, NULL) == 0);
    }
    pthread_attr_destroy(&attr);
}

static void test_names(void) {
    dpa_date date = {-7, 77, 77};
    CHECK_STATUS(dpa_date_from_text("2024-02-29", 10, &date), DPA_STATUS_OK);
    CHECK(date.year == 2024 && date.month == 2 && date.day == 29);
    date.year = -7;
    CHECK_STATUS(dpa_date_from_text("2026-02-29", 10, &date), DPA_STATUS_OUT_OF_RANGE);
    CHECK(last_path_is("text"));
    CHECK(last_message_contains("text: 2026-02-29 is not a date"));
    CHECK_STATUS(dpa_date_from_text("2026-2-28", 9, &date), DPA_STATUS_INVALID_VALUE);
    CHECK(last_message_contains("expected YYYY-MM-DD"));
    CHECK_STATUS(dpa_date_from_text("", 0, &date), DPA_STATUS_INVALID_VALUE);
    CHECK_STATUS(dpa_date_from_text("2026-01-01", 10, NULL), DPA_STATUS_NULL_ARGUMENT);
    CHECK(date.year == -7);

    uint32_t n = 0xA5A5;
    CHECK_STATUS(dpa_month_rule_from_name("month-end-sticky", 16, &n), DPA_STATUS_OK);
    CHECK(n == DPA_MONTH_RULE_MONTH_END_STICKY);
    CHECK_STATUS(dpa_month_rule_from_name("thirty-days", 11, &n), DPA_STATUS_OK);
    CHECK(n == DPA_MONTH_RULE_THIRTY_DAYS);
    CHECK_STATUS(dpa_impact_from_name("high", 4, &n), DPA_STATUS_OK);
    CHECK(n == DPA_IMPACT_HIGH);
    CHECK_STATUS(dpa_format_from_name("auto", 4, &n), DPA_STATUS_OK);
    CHECK(n == DPA_FORMAT_AUTO);
    CHECK_STATUS(dpa_format_from_name("json", 4, &n), DPA_STATUS_OK);
    CHECK(n == DPA_FORMAT_JSON);
    /* Every kind: its name and back. */
    for (uint32_t k = DPA_DEADLINE_KIND_DELETION; k <= DPA_DEADLINE_KIND_SERVICE_RESPONSE; k++) {
        const char *name = dpa_deadline_kind_name(k);
        CHECK(name != NULL);
        if (name != NULL) {
            n = 0xA5A5;
            CHECK_STATUS(dpa_deadline_kind_from_name(name, strlen(name), &n), DPA_STATUS_OK);
            CHECK(n == k);
        }
    }
    CHECK(strcmp(dpa_deadline_kind_name(DPA_DEADLINE_KIND_TERMINATION_WINDOW),
                 "termination-window") == 0);
    CHECK(dpa_deadline_kind_name(DPA_DEADLINE_KIND_SERVICE_RESPONSE + 1) == NULL);
    CHECK(strcmp(dpa_bound_name(DPA_BOUND_NO_LATER_THAN), "no-later-than") == 0);
    CHECK(strcmp(dpa_bound_name(DPA_BOUND_NO_EARLIER_THAN), "no-earlier-than") == 0);
    CHECK(dpa_bound_name(2) == NULL);

    /* Unknown names: dpa-core's message lists the names; *out is left alone. */
    n = 0xA5A5;
    CHECK_STATUS(dpa_month_rule_from_name("lunar", 5, &n), DPA_STATUS_INVALID_VALUE);
    CHECK(last_path_is("name"));
    CHECK(last_message_contains(
        "name: unknown month rule `lunar`: expected one of clamp, month-end-sticky, thirty-days"));
    CHECK_STATUS(dpa_deadline_kind_from_name("sub-processor-objection", 23, &n),
                 DPA_STATUS_INVALID_VALUE);
    CHECK(last_message_contains("no fixed term to compute"));
    CHECK_STATUS(dpa_deadline_kind_from_name("Deletion", 8, &n), DPA_STATUS_INVALID_VALUE);
    CHECK_STATUS(dpa_impact_from_name("medium", 6, &n), DPA_STATUS_INVALID_VALUE);
    CHECK(last_message_contains("expected one of low, high"));
    CHECK_STATUS(dpa_format_from_name("yaml", 4, &n), DPA_STATUS_INVALID_VALUE);
    CHECK(last_message_contains("expected one of auto, toml, json"));
    CHECK_STATUS(dpa_format_from_name(NULL, 0, &n), DPA_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(dpa_impact_from_name("low", 3, NULL), DPA_STATUS_NULL_ARGUMENT);
    CHECK(n == 0xA5A5);

    /* Month arithmetic on text, by value: yyyymmdd, or minus the status. */
    CHECK(dpa_add_months_ymd_text("2024-01-31", 10, 1, DPA_MONTH_RULE_CLAMP) == 20240229);
    CHECK(dpa_add_months_ymd_text("2026-02-28", 10, 3, DPA_MONTH_RULE_MONTH_END_STICKY) ==
          20260531);
    CHECK(dpa_add_months_ymd_text("2026-02-30", 10, 1, DPA_MONTH_RULE_CLAMP) ==
          -(int32_t)DPA_STATUS_OUT_OF_RANGE);
    CHECK(last_path_is("date"));
    CHECK(dpa_add_months_ymd_text("2026-2-28", 9, 1, DPA_MONTH_RULE_CLAMP) ==
          -(int32_t)DPA_STATUS_INVALID_VALUE);
    CHECK(dpa_add_months_ymd_text("9999-12-31", 10, 1, DPA_MONTH_RULE_CLAMP) ==
          -(int32_t)DPA_STATUS_OUT_OF_RANGE);
    CHECK(dpa_add_months_ymd_text("2024-01-31", 10, 1, 3) == -(int32_t)DPA_STATUS_INVALID_VALUE);
    CHECK(last_path_is("rule"));
    CHECK(dpa_add_months_ymd_text(NULL, 0, 1, DPA_MONTH_RULE_CLAMP) ==
          -(int32_t)DPA_STATUS_NULL_ARGUMENT);
    /* Not NUL-terminated: only `date_len` bytes are read. */
    CHECK(dpa_add_months_ymd_text("2024-01-31T00:00", 10, 1, DPA_MONTH_RULE_CLAMP) == 20240229);
}

/*
 * Lengths are not trusted before their elements are read: a huge `len`
 * over a short buffer whose first element is bad names that element and
 * reserves nothing from the length (it aborted, reserving output memory for
 * 150 million years or 400 million dates). Only the first element is read.
 */
static void test_untrusted_lengths(void) {
    dpa_agreement *belco = load("examples/agreements/belco.toml");
    dpa_date bad = {2026, 2, 30};
    dpa_deadline out[1];
    out[0] = sentinel_deadline();
    CHECK_STATUS(dpa_agreement_date_deadlines(belco, DPA_DEADLINE_KIND_DELETION, &bad, 400000000u,
                                              out, 400000000u),
                 DPA_STATUS_OUT_OF_RANGE);
    CHECK(last_path_is("from[0]"));
    CHECK(is_sentinel(&out[0]));
    int64_t never = INT64_MAX;
    CHECK_STATUS(dpa_agreement_instant_deadlines(belco, DPA_DEADLINE_KIND_BREACH_NOTICE, &never,
                                                 400000000u, DPA_IMPACT_UNSTATED, out,
                                                 400000000u),
                 DPA_STATUS_OUT_OF_RANGE);
    CHECK(last_path_is("from[0]"));
    CHECK_STATUS(dpa_agreement_next_audit_allowed_after(belco, &bad, 400000000u, out),
                 DPA_STATUS_OUT_OF_RANGE);
    CHECK(last_path_is("audits[0]"));
    CHECK(is_sentinel(&out[0]));

    int32_t year0 = 0;
    dpa_holiday_date days[1];
    size_t n = 77;
    CHECK_STATUS(dpa_public_holidays_batch(&year0, 150000000u, days, 1, &n),
                 DPA_STATUS_OUT_OF_RANGE);
    CHECK(last_path_is("years[0]"));
    CHECK(n == 77);

    dpa_date d = bad;
    bool flag = false;
    CHECK_STATUS(dpa_add_months_batch(&d, 400000000u, 1, DPA_MONTH_RULE_CLAMP, &d, 400000000u),
                 DPA_STATUS_OUT_OF_RANGE);
    CHECK(last_path_is("dates[0]"));
    CHECK_STATUS(dpa_next_business_day_batch(&d, 400000000u, &d, 400000000u),
                 DPA_STATUS_OUT_OF_RANGE);
    CHECK_STATUS(dpa_is_public_holiday_batch(&d, 400000000u, &flag, 400000000u),
                 DPA_STATUS_OUT_OF_RANGE);
    CHECK(d.year == 2026 && d.month == 2 && d.day == 30);

    /* A bad year after many good ones: the good ones cost what they need. */
    enum { YEARS = 2000 };
    static int32_t years[YEARS + 1];
    for (size_t i = 0; i < YEARS; i++) {
        years[i] = 2026;
    }
    years[YEARS] = 10000;
    CHECK_STATUS(dpa_public_holidays_batch(years, YEARS + 1, NULL, 0, &n), DPA_STATUS_OUT_OF_RANGE);
    CHECK(last_path_is("years[2000]"));
    CHECK_STATUS(dpa_public_holidays_batch(years, YEARS, NULL, 0, &n),
                 DPA_STATUS_BUFFER_TOO_SMALL);
    CHECK(n == 11 * YEARS);
    dpa_agreement_free(belco);
}

static dpa_status breach_from_text(const dpa_agreement *a, const char *from, dpa_deadline *d) {
    return dpa_agreement_deadline(a, DPA_DEADLINE_KIND_BREACH_NOTICE, from, strlen(from),
                                  DPA_IMPACT_UNSTATED, d);
}

/*
 * The statuses the header documents: text that is not JSON is PARSE_ERROR
 * (well-formed JSON that is no object stays INVALID_VALUE), for an
 * agreement and for events; an instant shaped right that names none of the
 * years 1 to 9999 is OUT_OF_RANGE, as text and as Unix seconds alike.
 */
static void test_documented_statuses(void) {
    dpa_agreement *sentinel = (dpa_agreement *)&checks;
    dpa_agreement *a = sentinel;
    CHECK_STATUS(dpa_agreement_from_json("not json", 8, &a), DPA_STATUS_PARSE_ERROR);
    CHECK(last_message_contains("line 1, column 1"));
    CHECK_STATUS(dpa_agreement_from_json("[1, 2", 5, &a), DPA_STATUS_PARSE_ERROR);
    CHECK_STATUS(dpa_agreement_from_json("[1, 2]", 6, &a), DPA_STATUS_INVALID_VALUE);
    CHECK(last_message_contains("JSON object"));
    CHECK(a == sentinel);

    dpa_agreement *belco = load("examples/agreements/belco.toml");
    char *out = NULL;
    size_t len = 0;
    CHECK_STATUS(dpa_agreement_timeline_json(belco, "not json", 8, DPA_FORMAT_JSON, 2027, 1, 1, &out,
                                             &len),
                 DPA_STATUS_PARSE_ERROR);
    CHECK(last_path_is("events"));
    CHECK_STATUS(dpa_agreement_timeline_ics(belco, "not json", 8, DPA_FORMAT_JSON, 2027, 1, 1, &out,
                                            &len),
                 DPA_STATUS_PARSE_ERROR);
    CHECK(out == NULL);

    dpa_deadline d = sentinel_deadline();
    const char *none[] = {"2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "0000-06-01T10:00:00Z",
                          "0001-01-01T00:30:00+01:00", "2026-03-28T24:00:00Z"};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        CHECK_STATUS(breach_from_text(belco, none[i], &d), DPA_STATUS_OUT_OF_RANGE);
        CHECK(last_path_is("from"));
    }
    CHECK(is_sentinel(&d));
    CHECK_STATUS(breach_from_text(belco, "2026-02-30T10:00:00Z", &d), DPA_STATUS_OUT_OF_RANGE);
    CHECK(last_message_contains("2026-02-30 is not a date"));
    CHECK_STATUS(breach_from_text(belco, "2026-03-28T10:30:00", &d), DPA_STATUS_INVALID_VALUE);
    /* 0001-01-01T00:00:00Z, the first instant of the range, both ways. */
    const int64_t first = -62135596800LL;
    CHECK_STATUS(breach_from_text(belco, "0001-01-01T01:00:00+01:00", &d), DPA_STATUS_OK);
    CHECK_STATUS(dpa_agreement_breach_notice_deadline(belco, first, &d), DPA_STATUS_OK);
    d = sentinel_deadline();
    CHECK_STATUS(breach_from_text(belco, "0001-01-01T00:59:59+01:00", &d), DPA_STATUS_OUT_OF_RANGE);
    CHECK_STATUS(dpa_agreement_breach_notice_deadline(belco, first - 1, &d),
                 DPA_STATUS_OUT_OF_RANGE);
    CHECK(is_sentinel(&d));
    dpa_agreement_free(belco);
}

/*
 * A transfer under an approved certification (GDPR art. 46(2)(f)): Belco's
 * agreement with a sub-processor added that processes data in the US under
 * a certificate valid until 2028-03-01. Valid on that day, lapsed the day
 * after (art. 42(7)), the error naming why; a certificate whose validity
 * ends before its issue is refused, naming the field.
 */
static void test_transfer_certification(void) {
    static const char extra[] =
        "\n[[statement.sub_processors]]\n"
        "name = \"Cert Corp\"\npurpose = \"Analytics\"\nlocations = [\"US\"]\n"
        "transfer_bases = [\"certification\"]\nengagement = \"always\"\nsource = [\"DPS 1.9\"]\n"
        "[statement.sub_processors.transfer_certification]\n"
        "name = \"Europrivacy\"\ncriteria_approved_by = \"European Data Protection Board\"\n"
        "issued_by = \"a certification body\"\nissued_on = 2025-03-01\n"
        "valid_until = 2028-03-01\nimporter_commitments = true\nsource = [\"DPS 1.9\"]\n";
    size_t base_len = 0;
    char *base = read_repo_file("examples/agreements/belco.toml", &base_len);
    size_t extra_len = sizeof extra - 1;
    char *text = malloc(base_len + extra_len + 1);
    if (text == NULL) {
        free(base);
        CHECK(0);
        return;
    }
    memcpy(text, base, base_len);
    memcpy(text + base_len, extra, extra_len + 1);
    free(base);
    dpa_agreement *a = NULL;
    CHECK_STATUS(dpa_agreement_from_toml(text, base_len + extra_len, &a), DPA_STATUS_OK);
    if (a != NULL) {
        char *out = NULL;
        size_t len = 0;
        CHECK_STATUS(dpa_agreement_transfers_json(a, 2028, 3, 1, &out, &len), DPA_STATUS_OK);
        CHECK(out != NULL && strstr(out, "\"basis\": \"certification\"") != NULL);
        CHECK(out != NULL && strstr(out, "\"status\": \"valid\"") != NULL);
        CHECK(out != NULL && strstr(out, "\"code\": \"transfer-covered\"") != NULL);
        dpa_string_free(out);
        out = NULL;
        CHECK_STATUS(dpa_agreement_transfers_json(a, 2028, 3, 2, &out, &len), DPA_STATUS_OK);
        CHECK(out != NULL && strstr(out, "\"status\": \"no-longer-in-force\"") != NULL);
        CHECK(out != NULL && strstr(out, "\"code\": \"transfer-basis-invalid\"") != NULL);
        CHECK(out != NULL && strstr(out, "is valid until 2028-03-01 only (GDPR art. 42(7))") != NULL);
        dpa_string_free(out);
        dpa_agreement_free(a);
    }
    /* The same certificate valid until before its issue: refused. */
    char *backwards = strstr(text, "valid_until = 2028-03-01");
    CHECK(backwards != NULL);
    if (backwards != NULL) {
        memcpy(backwards, "valid_until = 2024-03-01", 24);
        dpa_agreement *b = NULL;
        CHECK_STATUS(dpa_agreement_from_toml(text, base_len + extra_len, &b),
                     DPA_STATUS_INVALID_VALUE);
        CHECK(last_path_is("statement.sub_processors[14].transfer_certification"));
        CHECK(last_message_contains("valid_until 2024-03-01 is before issued_on 2025-03-01"));
        CHECK(b == NULL);
    }
    free(text);
}

/* Terms as statements write them: deletion "binnen 30 dagen" and a breach
 * notice within 2 days (48 hours from the discovery); both keys for one term
 * name the field. Source: issue 15; docs/rules.md rules 2 and 3. */
static void test_terms_in_days(void) {
    size_t len = 0;
    char *belco = read_repo_file("examples/agreements/belco.toml", &len);
    size_t days_len = len;
    char *days = replaced(belco, &days_len, "months = 3\n", "within = \"30 days\"\n");
    char *both = replaced(days, &days_len, "notice = { kind = \"within-hours\", hours = 24 }",
                          "notice = { kind = \"within\", term = \"2 days\" }");
    dpa_agreement *a = NULL;
    CHECK_STATUS(dpa_agreement_from_toml(both, days_len, &a), DPA_STATUS_OK);
    dpa_deadline d = sentinel_deadline();
    CHECK_STATUS(dpa_agreement_deletion_deadline(a, 2026, 1, 31, &d), DPA_STATUS_OK);
    CHECK(strcmp(d.due_text, "2026-03-02") == 0);
    int64_t breach = 0;
    CHECK(parse_instant("2026-03-28T10:30:00+01:00", &breach));
    d = sentinel_deadline();
    CHECK_STATUS(dpa_agreement_breach_notice_deadline(a, breach, &d), DPA_STATUS_OK);
    CHECK(d.due_kind == DPA_DUE_KIND_INSTANT);
    CHECK(d.due_unix == breach + 48 * 3600);
    CHECK(strcmp(d.due_text, "2026-03-30T09:30:00Z") == 0);
    dpa_agreement_free(a);

    size_t twice_len = len;
    char *twice = replaced(belco, &twice_len, "months = 3\n", "months = 3\nwithin = \"3 months\"\n");
    dpa_agreement *b = NULL;
    CHECK_STATUS(dpa_agreement_from_toml(twice, twice_len, &b), DPA_STATUS_INVALID_VALUE);
    CHECK(b == NULL);
    CHECK(last_path_is("terms.deletion.within"));
    CHECK(last_message_contains("both give this term"));
    free(twice);
    free(both);
    free(days);
    free(belco);
}

/* Where each value came from (issue 15 point 2; docs/rules.md,
 * "Provenance"). Source: Belco DPS 1.11 / clause 2.6.3 (deletion term, here
 * marked not stated; backups not mentioned), DPS 1.14 / clause 2.7.4 (audit
 * notice, here marked assumed), GDPR art. 28(3)(g). A deletion term the
 * statement does not state gives no deadline, DPA_PROVENANCE_NOT_STATED;
 * backups not stated give no backup deadline (not the main term); an
 * assumed audit notice is DPA_PROVENANCE_ASSUMED with the reason in the
 * JSON; an assumed value without a reason, or a value with not-stated, is
 * refused naming the path; check reports the art. 28(3)(g) item. */
static void test_provenance(void) {
    size_t len = 0;
    char *belco = read_repo_file("examples/agreements/belco.toml", &len);

    dpa_agreement *plain = NULL;
    CHECK_STATUS(dpa_agreement_from_toml(belco, len, &plain), DPA_STATUS_OK);
    dpa_deadline d = sentinel_deadline();
    CHECK_STATUS(dpa_agreement_deletion_deadline(plain, 2026, 11, 30, &d), DPA_STATUS_OK);
    CHECK(d.provenance == DPA_PROVENANCE_STATED);
    d = sentinel_deadline();
    CHECK_STATUS(dpa_agreement_backup_deletion_deadline(plain, 2026, 11, 30, &d), DPA_STATUS_OK);
    CHECK(d.due_kind == DPA_DUE_KIND_NONE);
    CHECK(d.provenance == DPA_PROVENANCE_NOT_STATED);
    dpa_agreement_free(plain);

    size_t ns_len = len;
    char *not_stated = replaced(belco, &ns_len, "months = 3\n", "provenance = \"not-stated\"\n");
    dpa_agreement *a = NULL;
    CHECK_STATUS(dpa_agreement_from_toml(not_stated, ns_len, &a), DPA_STATUS_OK);
    d = sentinel_deadline();
    CHECK_STATUS(dpa_agreement_deletion_deadline(a, 2026, 11, 30, &d), DPA_STATUS_OK);
    CHECK(d.due_kind == DPA_DUE_KIND_NONE);
    CHECK(strcmp(d.due_text, "none") == 0);
    CHECK(d.provenance == DPA_PROVENANCE_NOT_STATED);
    char *out = NULL;
    size_t out_len = 0;
    const char *from = "2026-11-30";
    CHECK_STATUS(dpa_agreement_deadline_json(a, DPA_DEADLINE_KIND_DELETION, from, strlen(from),
                                             DPA_IMPACT_LOW, &out, &out_len),
                 DPA_STATUS_OK);
    CHECK(out != NULL && strstr(out, "the statement does not state a deletion term") != NULL);
    CHECK(out != NULL && strstr(out, "\"provenance\": \"not-stated\"") != NULL);
    dpa_string_free(out);
    CHECK_STATUS(dpa_agreement_check_json(a, 2026, 6, 1, &out, &out_len), DPA_STATUS_OK);
    CHECK(out != NULL && strstr(out, "\"term-not-stated\"") != NULL);
    CHECK(out != NULL && strstr(out, "GDPR art. 28(3)(g)") != NULL);
    dpa_string_free(out);
    dpa_agreement_free(a);

    size_t as_len = len;
    char *assumed = replaced(belco, &as_len, "notice_days = 14 ",
                             "provenance = \"assumed\"\nreason = \"agreed by e-mail\"\nnotice_days = 14 ");
    CHECK_STATUS(dpa_agreement_from_toml(assumed, as_len, &a), DPA_STATUS_OK);
    d = sentinel_deadline();
    CHECK_STATUS(dpa_agreement_earliest_audit_date(a, 2026, 3, 2, &d), DPA_STATUS_OK);
    CHECK(strcmp(d.due_text, "2026-03-16") == 0);
    CHECK(d.provenance == DPA_PROVENANCE_ASSUMED);
    from = "2026-03-02";
    CHECK_STATUS(dpa_agreement_deadline_json(a, DPA_DEADLINE_KIND_AUDIT_NOTICE, from, strlen(from),
                                             DPA_IMPACT_LOW, &out, &out_len),
                 DPA_STATUS_OK);
    CHECK(out != NULL && strstr(out, "\"provenance_reason\": \"agreed by e-mail\"") != NULL);
    dpa_string_free(out);
    dpa_agreement_free(a);

    size_t nr_len = len;
    char *no_reason = replaced(belco, &nr_len, "notice_days = 14 ",
                               "provenance = \"assumed\"\nnotice_days = 14 ");
    dpa_agreement *b = NULL;
    CHECK_STATUS(dpa_agreement_from_toml(no_reason, nr_len, &b), DPA_STATUS_INVALID_VALUE);
    CHECK(b == NULL);
    CHECK(last_path_is("terms.audit.reason"));
    size_t g_len = len;
    char *given = replaced(belco, &g_len, "months = 3\n", "months = 3\nprovenance = \"not-stated\"\n");
    CHECK_STATUS(dpa_agreement_from_toml(given, g_len, &b), DPA_STATUS_INVALID_VALUE);
    CHECK(b == NULL);
    CHECK(last_path_is("terms.deletion.months"));
    free(given);
    free(no_reason);
    free(assumed);
    free(not_stated);
    free(belco);
}

/* Dates as statements write them (issue 15 point 3; docs/rules.md rule 8):
 * a statement that takes effect in a month gives no day through
 * dpa_agreement_effective_date (never the 1st), and
 * dpa_agreement_effective_stated_date gives its precision and first and
 * last day. */
static void test_stated_dates(void) {
    size_t len = 0;
    char *belco = read_repo_file("examples/agreements/belco.toml", &len);
    size_t m_len = len;
    char *m1 = replaced(belco, &m_len, "effective_date = 2022-01-04", "effective_date = \"2022-01\"");
    char *m2 = replaced(m1, &m_len, "\ndate = 2022-01-04", "\ndate = \"2022-01\"");
    dpa_agreement *month = NULL, *day = NULL;
    CHECK_STATUS(dpa_agreement_from_toml(m2, m_len, &month), DPA_STATUS_OK);
    CHECK_STATUS(dpa_agreement_from_toml(belco, len, &day), DPA_STATUS_OK);

    dpa_date d = {7, 7, 7};
    CHECK_STATUS(dpa_agreement_effective_date(month, &d), DPA_STATUS_INVALID_VALUE);
    CHECK(d.year == 7 && d.month == 7 && d.day == 7);
    CHECK(last_path_is("statement.effective_date"));
    CHECK(last_message_contains("2022-01 is a month, not a day (some day from 2022-01-01 to 2022-01-31)"));

    dpa_stated_date s;
    memset(&s, 0, sizeof s);
    CHECK_STATUS(dpa_agreement_effective_stated_date(month, &s), DPA_STATUS_OK);
    CHECK(s.precision == DPA_DATE_PRECISION_MONTH);
    CHECK(s.earliest.year == 2022 && s.earliest.month == 1 && s.earliest.day == 1);
    CHECK(s.latest.year == 2022 && s.latest.month == 1 && s.latest.day == 31);
    CHECK_STATUS(dpa_agreement_effective_stated_date(day, &s), DPA_STATUS_OK);
    CHECK(s.precision == DPA_DATE_PRECISION_DAY);
    CHECK(s.earliest.day == 4 && s.latest.day == 4 && s.latest.month == 1);
    CHECK_STATUS(dpa_agreement_effective_stated_date(NULL, &s), DPA_STATUS_NULL_ARGUMENT);

    /* dpa check inside the month: the answer is uncertain, and says so. */
    char *out = NULL;
    CHECK_STATUS(dpa_agreement_check_json(month, 2022, 1, 15, &out, &len), DPA_STATUS_OK);
    CHECK(strstr(out, "\"code\": \"effective-date-uncertain\"") != NULL);
    CHECK(strstr(out, "statement-not-yet-effective") == NULL);
    dpa_string_free(out);

    /* A sub-processor list kept by reference (issue 15 point 5): check and
     * transfers say that transfers cannot be checked. */
    const char *by_ref = "\n[statement.sub_processors_by_reference]\n"
                         "address = \"https://www.belco.nl/subverwerkers\"\nsource = [\"DPS 1.9\"]\n";
    size_t r_len = strlen(belco) + strlen(by_ref);
    char *r = malloc(r_len + 1);
    if (r == NULL) {
        exit(2);
    }
    snprintf(r, r_len + 1, "%s%s", belco, by_ref);
    dpa_agreement *referred = NULL;
    CHECK_STATUS(dpa_agreement_from_toml(r, r_len, &referred), DPA_STATUS_OK);
    CHECK_STATUS(dpa_agreement_check_json(referred, 2026, 11, 23, &out, &len), DPA_STATUS_OK);
    CHECK(strstr(out, "\"code\": \"sub-processors-by-reference\"") != NULL);
    CHECK(strstr(out, "https://www.belco.nl/subverwerkers") != NULL);
    dpa_string_free(out);
    CHECK_STATUS(dpa_agreement_transfers_json(referred, 2026, 11, 23, &out, &len), DPA_STATUS_OK);
    CHECK(strstr(out, "\"findings\": [") != NULL &&
          strstr(out, "sub-processors-by-reference") != NULL);
    dpa_string_free(out);
    CHECK_STATUS(dpa_agreement_transfers_json(day, 2026, 11, 23, &out, &len), DPA_STATUS_OK);
    CHECK(strstr(out, "sub-processors-by-reference") == NULL);
    dpa_string_free(out);
    dpa_agreement_free(referred);
    free(r);

    dpa_agreement_free(month);
    dpa_agreement_free(day);
    free(m2);
    free(m1);
    free(belco);
}

/* Whether the JSON object that holds `"<key>": "<value>"` also holds
 * `"<key2>": "<value2>"` (objects of the pretty-printed check and coverage
 * JSON, which nest no braces before the key). */
static int object_has(const char *json, const char *key, const char *value, const char *key2,
                      const char *value2) {
    char want[256];
    char also[256];
    snprintf(want, sizeof want, "\"%s\": \"%s\"", key, value);
    snprintf(also, sizeof also, "\"%s\": \"%s\"", key2, value2);
    for (const char *at = strstr(json, want); at != NULL; at = strstr(at + 1, want)) {
        const char *open = at;
        while (open > json && *open != '{') {
            open--;
        }
        const char *close = strchr(at, '}');
        const char *hit = strstr(open, also);
        if (hit != NULL && (close == NULL || hit < close)) {
            return 1;
        }
    }
    return 0;
}

/* A statement that leaves out the return of data, the terms on changes of
 * sub-processors and the sub-processor list (issue 15 point 2; the fixture
 * examples/fixtures/not-stated-lists.json is Belco's agreement with those
 * three items `not-stated`): check reports each item GDPR art. 28 requires
 * with its key, and coverage finds art. 28(3)(g) only partly covered,
 * lacking the return (clause 2.6.3 returns the data only "indien
 * overeengekomen"). */
static void test_not_stated_lists(void) {
    size_t len = 0;
    char *json = read_repo_file("examples/fixtures/not-stated-lists.json", &len);
    dpa_agreement *a = NULL;
    CHECK_STATUS(dpa_agreement_from_json(json, len, &a), DPA_STATUS_OK);
    free(json);
    if (a == NULL) {
        return;
    }
    char *out = NULL;
    size_t out_len = 0;
    CHECK_STATUS(dpa_agreement_check_json(a, 2026, 11, 23, &out, &out_len), DPA_STATUS_OK);
    if (out != NULL) {
        CHECK(object_has(out, "path", "terms.return_of_data.provenance", "code", "term-not-stated"));
        CHECK(object_has(out, "path", "terms.return_of_data.provenance", "citation",
                         "DPS 1.12, clause 2.6.3; GDPR art. 28(3)(g)"));
        CHECK(object_has(out, "path", "terms.sub_processors.provenance", "code", "term-not-stated"));
        CHECK(object_has(out, "path", "statement.sub_processor_list.provenance", "code",
                         "sub-processors-not-stated"));
        /* The same key never with another code: the helper is not vacuous. */
        CHECK(!object_has(out, "path", "terms.return_of_data.provenance", "code",
                          "sub-processors-not-stated"));
        dpa_string_free(out);
    }
    out = NULL;
    CHECK_STATUS(dpa_agreement_coverage_json(a, &out, &out_len), DPA_STATUS_OK);
    if (out != NULL) {
        CHECK(object_has(out, "id", "28-3-g", "verdict", "partly"));
        CHECK(object_has(out, "id", "data-return", "text",
                         "the return of the data, at the controller's choice"));
        dpa_string_free(out);
    }
    dpa_agreement_free(a);

    /* Belco as published states all three: none of these findings. */
    dpa_agreement *belco = load("examples/agreements/belco.toml");
    CHECK_STATUS(dpa_agreement_check_json(belco, 2026, 11, 23, &out, &out_len), DPA_STATUS_OK);
    if (out != NULL) {
        CHECK(strstr(out, "terms.return_of_data.provenance") == NULL);
        CHECK(strstr(out, "sub-processors-not-stated") == NULL);
        dpa_string_free(out);
    }
    dpa_agreement_free(belco);
}

/*
 * The calendar with options (dpa_agreement_timeline_ics_with): the UID domain,
 * a fixed DTSTAMP and reminders as VALARMs (RFC 5545 §3.8.4.7, §3.8.7.2,
 * §3.6.6); the same UIDs whatever the order of the events; NULL options are
 * the defaults; a bad option names its field.
 */
static void test_ics_options(void) {
    dpa_agreement *belco = load("examples/agreements/belco.toml");
    const char *fwd = "[[events]]\nkind = \"agreement-terminated\"\ndate = 2026-11-30\n"
                      "[[events]]\nkind = \"breach-discovered\"\nat = 2026-03-28T10:30:00+01:00\n";
    const char *rev = "[[events]]\nkind = \"breach-discovered\"\nat = 2026-03-28T10:30:00+01:00\n"
                      "[[events]]\nkind = \"agreement-terminated\"\ndate = 2026-11-30\n";
    const char *domain = "calendar.example.org";
    const char *stamp = "2027-03-01T13:00:00+01:00";
    const char *remind = "7d,1d";
    dpa_ics_options o = {domain, strlen(domain), stamp, strlen(stamp), remind, strlen(remind)};
    char *a = NULL;
    char *b = NULL;
    size_t alen = 0;
    size_t blen = 0;
    CHECK_STATUS(dpa_agreement_timeline_ics_with(belco, fwd, strlen(fwd), DPA_FORMAT_TOML, 2026,
                                                 12, 1, &o, &a, &alen),
                 DPA_STATUS_OK);
    CHECK_STATUS(dpa_agreement_timeline_ics_with(belco, rev, strlen(rev), DPA_FORMAT_TOML, 2026,
                                                 12, 1, &o, &b, &blen),
                 DPA_STATUS_OK);
    if (a != NULL && b != NULL) {
        CHECK(alen == blen && strcmp(a, b) == 0);
        CHECK(strstr(a, "\r\nUID:deletion-20261130-") != NULL);
        CHECK(strstr(a, "@calendar.example.org\r\n") != NULL);
        CHECK(strstr(a, "\r\nDTSTAMP:20270301T120000Z\r\n") != NULL);
        CHECK(strstr(a, "\r\nTRIGGER:-P7D\r\n") != NULL);
        CHECK(strstr(a, "\r\nTRIGGER:-P1D\r\n") != NULL);
        CHECK(strstr(a, "\r\nACTION:DISPLAY\r\n") != NULL);
    }
    dpa_string_free(a);
    dpa_string_free(b);
    /* NULL options: the defaults (dpa.invalid, no reminder). */
    CHECK_STATUS(dpa_agreement_timeline_ics_with(belco, fwd, strlen(fwd), DPA_FORMAT_TOML, 2026,
                                                 12, 1, NULL, &a, &alen),
                 DPA_STATUS_OK);
    if (a != NULL) {
        CHECK(strstr(a, "@dpa.invalid\r\n") != NULL);
        CHECK(strstr(a, "VALARM") == NULL);
    }
    dpa_string_free(a);
    /* A bad option names its field. */
    const char *bad = "7x";
    dpa_ics_options bad_remind = {NULL, 0, NULL, 0, bad, strlen(bad)};
    CHECK_STATUS(dpa_agreement_timeline_ics_with(belco, fwd, strlen(fwd), DPA_FORMAT_TOML, 2026,
                                                 12, 1, &bad_remind, &a, &alen),
                 DPA_STATUS_INVALID_VALUE);
    CHECK(last_path_is("options.remind"));
    CHECK(last_message_contains("`7x` is not a reminder"));
    const char *dpa = "dpa";
    dpa_ics_options bad_domain = {dpa, strlen(dpa), NULL, 0, NULL, 0};
    CHECK_STATUS(dpa_agreement_timeline_ics_with(belco, fwd, strlen(fwd), DPA_FORMAT_TOML, 2026,
                                                 12, 1, &bad_domain, &a, &alen),
                 DPA_STATUS_INVALID_VALUE);
    CHECK(last_path_is("options.uid_domain"));
    const char *naive = "2027-03-01T12:00:00";
    dpa_ics_options bad_stamp = {NULL, 0, naive, strlen(naive), NULL, 0};
    CHECK_STATUS(dpa_agreement_timeline_ics_with(belco, fwd, strlen(fwd), DPA_FORMAT_TOML, 2026,
                                                 12, 1, &bad_stamp, &a, &alen),
                 DPA_STATUS_INVALID_VALUE);
    CHECK(last_path_is("options.dtstamp"));
    dpa_agreement_free(belco);
}

/* Editions and clause numbers (issue 15 point 4; docs/rules.md "Editions
 * and clause numbers"): a clause of the 2025 edition cited in a file of
 * the 2019 edition is refused with the field's path and a hint; an edition
 * whose text is not on file (Nederland ICT, January 2018) is read, and what
 * only its clauses could cover is "unknown" in the coverage JSON. */
static void test_editions(void) {
    size_t len = 0;
    char *belco = read_repo_file("examples/agreements/belco.toml", &len);
    size_t bad_len = len;
    char *bad = replaced(belco, &bad_len, "source = [\"DPS 1.11\", \"clause 2.6.3\"]",
                         "source = [\"clause 2.4.4\"]");
    dpa_agreement *a = NULL;
    CHECK_STATUS(dpa_agreement_from_toml(bad, bad_len, &a), DPA_STATUS_INVALID_VALUE);
    CHECK(a == NULL);
    CHECK(last_path_is("terms.deletion.source[0]"));
    CHECK(last_message_contains("the nldigital-2025 edition has a clause 4.4"));
    free(bad);

    size_t old_len = len;
    char *old = replaced(belco, &old_len, "edition = \"nederland-ict-2019\"",
                         "edition = \"nederland-ict-2018\"");
    CHECK_STATUS(dpa_agreement_from_toml(old, old_len, &a), DPA_STATUS_OK);
    char *out = NULL;
    size_t out_len = 0;
    CHECK_STATUS(dpa_agreement_coverage_json(a, &out, &out_len), DPA_STATUS_OK);
    static const char conf[] = "      \"id\": \"28-3-b\",\n"
                               "      \"article\": \"GDPR art. 28(3)(b)\",\n"
                               "      \"name\": \"confidentiality of the persons processing\",\n"
                               "      \"verdict\": \"unknown\",\n";
    CHECK(out != NULL && strstr(out, conf) != NULL);
    CHECK(out != NULL && strstr(out, "\"unknown\": [") != NULL);
    dpa_string_free(out);
    dpa_agreement_free(a);
    free(old);
    free(belco);
}

int main(int argc, char **argv) {
    if (argc > 1) {
        snprintf(root, sizeof root, "%s", argv[1]);
    }
    test_versions();
    test_seed_deadlines();
    test_dues();
    test_terms_in_days();
    test_provenance();
    test_json();
    test_coverage();
    test_calendar();
    test_errors();
    test_actionable_errors();
    test_garbage();
    test_limits();
    test_from_file();
    test_names();
    test_untrusted_lengths();
    test_documented_statuses();
    test_transfer_certification();
    test_stated_dates();
    test_not_stated_lists();
    test_editions();
    test_ics_options();
    test_small_stack();
    printf("test_dpa: %d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
