/*
 * Small helpers shared by the C examples: reading a file, and converting
 * between Unix seconds and ISO 8601 text without the C library's time zone
 * functions (which are not in C11). Not part of libdpa.
 */
#ifndef DPA_EXAMPLE_UTIL_H
#define DPA_EXAMPLE_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dpa.h"

#if defined(__GNUC__)
#define DPA_EXAMPLE_MAYBE_UNUSED __attribute__((unused))
#else
#define DPA_EXAMPLE_MAYBE_UNUSED
#endif

/* Reads a whole file into a malloc'd buffer, NUL-terminated after its `*len`
 * bytes (so that the string functions may read it); NULL on failure. */
DPA_EXAMPLE_MAYBE_UNUSED static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) {
            break;
        }
        char *bigger = realloc(buf, cap * 2);
        if (bigger == NULL) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = bigger;
        cap *= 2;
    }
    if (buf != NULL && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf != NULL) {
        /* The loop stops with n < cap: there is room for the terminator. */
        buf[n] = '\0';
    }
    *len = n;
    return buf;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
DPA_EXAMPLE_MAYBE_UNUSED static int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

/* The date of a day count since 1970-01-01. */
DPA_EXAMPLE_MAYBE_UNUSED static dpa_date civil_from_days(int64_t z) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t y = (int64_t)yoe + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    dpa_date r = {(int32_t)(y + (m <= 2)), m, d};
    return r;
}

/* Formats Unix seconds as 2026-03-29T09:30:00Z into buf (at least 21 bytes). */
DPA_EXAMPLE_MAYBE_UNUSED static void format_instant(int64_t unix_seconds, char *buf, size_t len) {
    int64_t days = unix_seconds / 86400, secs = unix_seconds % 86400;
    if (secs < 0) {
        secs += 86400;
        days -= 1;
    }
    dpa_date d = civil_from_days(days);
    snprintf(buf, len, "%04d-%02u-%02uT%02d:%02d:%02dZ", (int)d.year, d.month, d.day,
             (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));
}

/* Parses YYYY-MM-DD; 1 on success. */
DPA_EXAMPLE_MAYBE_UNUSED static int parse_date(const char *s, dpa_date *out) {
    int y, n = 0;
    unsigned m, d;
    if (sscanf(s, "%4d-%2u-%2u%n", &y, &m, &d, &n) != 3 || s[n] != '\0') {
        return 0;
    }
    out->year = y;
    out->month = m;
    out->day = d;
    return 1;
}

/* Parses YYYY-MM-DDTHH:MM[:SS] followed by Z or +hh:mm / -hh:mm into Unix
 * seconds; 1 on success. */
DPA_EXAMPLE_MAYBE_UNUSED static int parse_instant(const char *s, int64_t *out) {
    int y, hh, mm, ss = 0, n = 0;
    unsigned mo, d;
    if (sscanf(s, "%4d-%2u-%2uT%2d:%2d%n", &y, &mo, &d, &hh, &mm, &n) != 5) {
        return 0;
    }
    const char *rest = s + n;
    if (*rest == ':') {
        int k = 0;
        if (sscanf(rest, ":%2d%n", &ss, &k) != 1) {
            return 0;
        }
        rest += k;
    }
    int64_t offset = 0;
    if (*rest == 'Z' && rest[1] == '\0') {
        offset = 0;
    } else if ((*rest == '+' || *rest == '-') && strlen(rest) == 6 && rest[3] == ':') {
        int oh = (rest[1] - '0') * 10 + (rest[2] - '0');
        int om = (rest[4] - '0') * 10 + (rest[5] - '0');
        offset = (*rest == '-' ? -1 : 1) * (int64_t)(oh * 3600 + om * 60);
    } else {
        return 0;
    }
    *out = days_from_civil(y, mo, d) * 86400 + hh * 3600 + mm * 60 + ss - offset;
    return 1;
}

/* The last error message of this thread, in a static buffer. */
DPA_EXAMPLE_MAYBE_UNUSED static const char *last_error(void) {
    static char buf[1024];
    size_t len = 0;
    if (dpa_last_error_message(buf, sizeof buf, &len) != DPA_STATUS_OK) {
        snprintf(buf, sizeof buf, "(message longer than %zu bytes)", sizeof buf);
    }
    return buf;
}

#endif /* DPA_EXAMPLE_UTIL_H */
