/*
 * Per-call cost of libdpa from C, against the floor: dpa_noop(), an exported
 * function that does nothing through the same panic boundary.
 *
 *   bench_ffi [AGREEMENT.toml]   (default examples/agreements/belco.toml)
 *
 * With DPA_BENCH_SMOKE=1 in the environment every case runs one short round
 * (the test command's smoke run: it must build and run, no timing).
 *
 * Prints one line per case: name, nanoseconds per call (or per value for
 * the batch cases), and the ratio to the floor. Each case runs in rounds of
 * n_calls calls; the number is the median round. benches/c/run.sh runs this
 * several times and takes the median of the runs.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dpa.h"

#define BATCH 1000

static int n_calls = 200000; /* per round; BATCH in smoke mode */
static int n_rounds = 15;    /* 1 in smoke mode */

static double now_ns(void) {
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static volatile uint32_t sink;
static dpa_agreement *belco;
static dpa_date dates[BATCH];
static dpa_date date_out[BATCH];
static dpa_deadline deadline_out[BATCH];

static void run_noop(void) {
    for (int i = 0; i < n_calls; i++) {
        sink += (uint32_t)dpa_noop();
    }
}

static void run_add_months(void) {
    dpa_date r;
    for (int i = 0; i < n_calls; i++) {
        sink += (uint32_t)dpa_add_months(2026, 1 + (uint32_t)(i % 12), 1 + (uint32_t)(i % 28), 3,
                                         DPA_MONTH_RULE_CLAMP, &r);
        sink += r.day;
    }
}

static void run_add_months_ymd(void) {
    for (int i = 0; i < n_calls; i++) {
        int32_t r = dpa_add_months_ymd(20260000 + 100 * (1 + i % 12) + 1 + i % 28, 3);
        sink += (uint32_t)r;
    }
}

static void run_deletion(void) {
    dpa_deadline d;
    for (int i = 0; i < n_calls; i++) {
        sink += (uint32_t)dpa_agreement_deletion_deadline(belco, 2026, 1 + (uint32_t)(i % 12),
                                                          1 + (uint32_t)(i % 28), &d);
        sink += d.due_date.day;
    }
}

static void run_add_months_batch(void) {
    for (int i = 0; i < n_calls / BATCH; i++) {
        sink += (uint32_t)dpa_add_months_batch(dates, BATCH, 3, DPA_MONTH_RULE_CLAMP, date_out,
                                               BATCH);
        sink += date_out[i].day;
    }
}

static void run_deletion_batch(void) {
    for (int i = 0; i < n_calls / BATCH; i++) {
        sink += (uint32_t)dpa_agreement_date_deadlines(belco, DPA_DEADLINE_KIND_DELETION, dates,
                                                       BATCH, deadline_out, BATCH);
        sink += deadline_out[i].due_date.day;
    }
}

static double measure(void (*f)(void)) {
    double rounds[15];
    f(); /* warm up */
    for (int r = 0; r < n_rounds; r++) {
        double t0 = now_ns();
        f();
        rounds[r] = (now_ns() - t0) / n_calls;
    }
    qsort(rounds, n_rounds, sizeof rounds[0], cmp_double);
    return rounds[n_rounds / 2];
}

static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    *len = fread(buf, 1, (size_t)n, f);
    fclose(f);
    return buf;
}

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : "examples/agreements/belco.toml";
    const char *smoke = getenv("DPA_BENCH_SMOKE");
    if (smoke != NULL && strcmp(smoke, "1") == 0) {
        n_calls = BATCH;
        n_rounds = 1;
    }
    size_t len = 0;
    char *text = read_all(path, &len);
    if (text == NULL || dpa_agreement_from_toml(text, len, &belco) != DPA_STATUS_OK) {
        fprintf(stderr, "bench_ffi: cannot load %s\n", path);
        return 2;
    }
    free(text);
    for (int i = 0; i < BATCH; i++) {
        dates[i].year = 2026;
        dates[i].month = 1 + (uint32_t)(i % 12);
        dates[i].day = 1 + (uint32_t)(i % 28);
    }
    double floor_ns = measure(run_noop);
    struct {
        const char *name;
        void (*f)(void);
    } cases[] = {
        {"add_months", run_add_months},
        {"add_months_ymd", run_add_months_ymd},
        {"deletion_deadline", run_deletion},
        {"add_months_batch_per_value", run_add_months_batch},
        {"deletion_deadline_batch_per_value", run_deletion_batch},
    };
    printf("%-34s %9.2f ns  %6.2fx\n", "noop", floor_ns, 1.0);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double ns = measure(cases[i].f);
        printf("%-34s %9.2f ns  %6.2fx\n", cases[i].name, ns, ns / floor_ns);
    }
    dpa_agreement_free(belco);
    return 0;
}
