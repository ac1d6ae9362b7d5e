#define FFI_SCOPE "DPA"
#define FFI_LIB "libdpa.so"
/* Generated from include/dpa.h by scripts/gen-c-headers.sh; do not edit. */
typedef enum {
    DPA_STATUS_OK = 0,
    DPA_STATUS_NULL_ARGUMENT = 1,
    DPA_STATUS_INVALID_UTF8 = 2,
    DPA_STATUS_PARSE_ERROR = 3,
    DPA_STATUS_INVALID_VALUE = 4,
    DPA_STATUS_OUT_OF_RANGE = 5,
    DPA_STATUS_BUFFER_TOO_SMALL = 6,
    DPA_STATUS_TOO_LARGE = 7,
    DPA_STATUS_PANIC = 8,
    DPA_STATUS_IO_ERROR = 9,
} dpa_status;
typedef enum {
    DPA_DEADLINE_KIND_DELETION = 0,
    DPA_DEADLINE_KIND_BACKUP_DELETION = 1,
    DPA_DEADLINE_KIND_BREACH_NOTICE = 2,
    DPA_DEADLINE_KIND_AUTHORITY_NOTICE = 3,
    DPA_DEADLINE_KIND_NEXT_AUDIT = 4,
    DPA_DEADLINE_KIND_AUDIT_NOTICE = 5,
    DPA_DEADLINE_KIND_TERMINATION_WINDOW = 6,
    DPA_DEADLINE_KIND_SERVICE_RESPONSE = 7,
} dpa_deadline_kind;
typedef enum {
    DPA_DUE_KIND_DATE = 0,
    DPA_DUE_KIND_INSTANT = 1,
    DPA_DUE_KIND_NONE = 2,
} dpa_due_kind;
typedef enum {
    DPA_BOUND_NO_LATER_THAN = 0,
    DPA_BOUND_NO_EARLIER_THAN = 1,
} dpa_bound;
typedef enum {
    DPA_PROVENANCE_STATED = 0,
    DPA_PROVENANCE_STANDARD = 1,
    DPA_PROVENANCE_ASSUMED = 2,
    DPA_PROVENANCE_NOT_STATED = 3,
} dpa_provenance;
typedef enum {
    DPA_DATE_PRECISION_DAY = 0,
    DPA_DATE_PRECISION_MONTH = 1,
    DPA_DATE_PRECISION_YEAR = 2,
} dpa_date_precision;
typedef enum {
    DPA_HOLIDAY_NEW_YEARS_DAY = 0,
    DPA_HOLIDAY_GOOD_FRIDAY = 1,
    DPA_HOLIDAY_EASTER_MONDAY = 2,
    DPA_HOLIDAY_KINGS_DAY = 3,
    DPA_HOLIDAY_QUEENS_DAY = 4,
    DPA_HOLIDAY_LIBERATION_DAY = 5,
    DPA_HOLIDAY_ASCENSION_DAY = 6,
    DPA_HOLIDAY_WHIT_MONDAY = 7,
    DPA_HOLIDAY_CHRISTMAS_DAY = 8,
    DPA_HOLIDAY_BOXING_DAY = 9,
    DPA_HOLIDAY_DESIGNATED_DAY = 10,
} dpa_holiday;
typedef enum {
    DPA_MONTH_RULE_CLAMP = 0,
    DPA_MONTH_RULE_MONTH_END_STICKY = 1,
    DPA_MONTH_RULE_THIRTY_DAYS = 2,
} dpa_month_rule;
typedef enum {
    DPA_IMPACT_LOW = 0,
    DPA_IMPACT_HIGH = 1,
    DPA_IMPACT_UNSTATED = 2,
} dpa_impact;
typedef enum {
    DPA_FORMAT_AUTO = 0,
    DPA_FORMAT_TOML = 1,
    DPA_FORMAT_JSON = 2,
} dpa_format;
typedef struct dpa_agreement dpa_agreement;
typedef struct {
    int32_t year;
    uint32_t month;
    uint32_t day;
} dpa_date;
typedef struct {
    int64_t due_unix;
    dpa_deadline_kind kind;
    dpa_due_kind due_kind;
    dpa_bound bound;
    dpa_date due_date;
    char due_text[24];
    dpa_date shifted_from;
    bool shifted;
    dpa_provenance provenance;
} dpa_deadline;
typedef struct {
    int64_t due_unix;
    dpa_due_kind due_kind;
    dpa_bound bound;
    dpa_date due_date;
    dpa_date shifted_from;
    bool shifted;
    dpa_provenance provenance;
} dpa_due;
typedef struct {
    dpa_date_precision precision;
    dpa_date earliest;
    dpa_date latest;
} dpa_stated_date;
typedef struct {
    const char *uid_domain;
    size_t uid_domain_len;
    const char *dtstamp;
    size_t dtstamp_len;
    const char *remind;
    size_t remind_len;
} dpa_ics_options;
typedef struct {
    dpa_date date;
    dpa_holiday holiday;
} dpa_holiday_date;
dpa_status dpa_agreement_from_toml(const char *text, size_t len, dpa_agreement **out);
dpa_status dpa_agreement_from_json(const char *text, size_t len, dpa_agreement **out);
dpa_status dpa_agreement_from_file(const char *path, size_t path_len, dpa_agreement **out);
void dpa_agreement_free(dpa_agreement *agreement);
dpa_status dpa_agreement_to_toml(const dpa_agreement *agreement, char **out, size_t *out_len);
dpa_status dpa_agreement_to_json(const dpa_agreement *agreement, char **out, size_t *out_len);
dpa_status dpa_agreement_deletion_deadline(const dpa_agreement *agreement,
                                           int32_t year,
                                           uint32_t month,
                                           uint32_t day,
                                           dpa_deadline *out);
dpa_status dpa_agreement_backup_deletion_deadline(const dpa_agreement *agreement,
                                                  int32_t year,
                                                  uint32_t month,
                                                  uint32_t day,
                                                  dpa_deadline *out);
dpa_status dpa_agreement_breach_notice_deadline(const dpa_agreement *agreement,
                                                int64_t discovered_unix,
                                                dpa_deadline *out);
dpa_status dpa_agreement_authority_notice_deadline(const dpa_agreement *agreement,
                                                   int64_t aware_unix,
                                                   dpa_deadline *out);
dpa_status dpa_agreement_next_audit_allowed(const dpa_agreement *agreement,
                                            int32_t year,
                                            uint32_t month,
                                            uint32_t day,
                                            dpa_deadline *out);
dpa_status dpa_agreement_next_audit_allowed_after(const dpa_agreement *agreement,
                                                  const dpa_date *audits,
                                                  size_t len,
                                                  dpa_deadline *out);
dpa_status dpa_agreement_earliest_audit_date(const dpa_agreement *agreement,
                                             int32_t year,
                                             uint32_t month,
                                             uint32_t day,
                                             dpa_deadline *out);
dpa_status dpa_agreement_termination_window_end(const dpa_agreement *agreement,
                                                int32_t year,
                                                uint32_t month,
                                                uint32_t day,
                                                dpa_deadline *out);
dpa_status dpa_agreement_date_due(const dpa_agreement *agreement,
                                  uint32_t kind,
                                  int32_t year,
                                  uint32_t month,
                                  uint32_t day,
                                  dpa_due *out);
dpa_status dpa_agreement_service_response(const dpa_agreement *agreement,
                                          int64_t reported_unix,
                                          uint32_t impact,
                                          dpa_deadline *out);
dpa_status dpa_agreement_deadline(const dpa_agreement *agreement,
                                  uint32_t kind,
                                  const char *from,
                                  size_t from_len,
                                  uint32_t impact,
                                  dpa_deadline *out);
dpa_status dpa_agreement_date_deadlines(const dpa_agreement *agreement,
                                        uint32_t kind,
                                        const dpa_date *from,
                                        size_t len,
                                        dpa_deadline *out,
                                        size_t out_cap);
dpa_status dpa_agreement_date_dues(const dpa_agreement *agreement,
                                   uint32_t kind,
                                   const dpa_date *from,
                                   size_t len,
                                   dpa_due *out,
                                   size_t out_cap);
dpa_status dpa_agreement_instant_deadlines(const dpa_agreement *agreement,
                                           uint32_t kind,
                                           const int64_t *from,
                                           size_t len,
                                           uint32_t impact,
                                           dpa_deadline *out,
                                           size_t out_cap);
dpa_status dpa_agreement_deadlines_text(const dpa_agreement *agreement,
                                        uint32_t kind,
                                        const char *from,
                                        size_t from_len,
                                        uint32_t impact,
                                        char **out,
                                        size_t *out_len);
dpa_status dpa_agreement_check_json(const dpa_agreement *agreement,
                                    int32_t year,
                                    uint32_t month,
                                    uint32_t day,
                                    char **out,
                                    size_t *out_len);
dpa_status dpa_agreement_transfers_json(const dpa_agreement *agreement,
                                        int32_t year,
                                        uint32_t month,
                                        uint32_t day,
                                        char **out,
                                        size_t *out_len);
dpa_status dpa_agreement_coverage_json(const dpa_agreement *agreement, char **out, size_t *out_len);
dpa_status dpa_agreement_diff_json(const dpa_agreement *old,
                                   const dpa_agreement *new_,
                                   int32_t year,
                                   uint32_t month,
                                   uint32_t day,
                                   char **out,
                                   size_t *out_len);
dpa_status dpa_agreement_effective_date(const dpa_agreement *agreement, dpa_date *out);
dpa_status dpa_agreement_effective_stated_date(const dpa_agreement *agreement,
                                               dpa_stated_date *out);
dpa_status dpa_agreement_deadline_json(const dpa_agreement *agreement,
                                       uint32_t kind,
                                       const char *from,
                                       size_t from_len,
                                       uint32_t impact,
                                       char **out,
                                       size_t *out_len);
dpa_status dpa_agreement_timeline_json(const dpa_agreement *agreement,
                                       const char *events,
                                       size_t events_len,
                                       uint32_t format,
                                       int32_t year,
                                       uint32_t month,
                                       uint32_t day,
                                       char **out,
                                       size_t *out_len);
dpa_status dpa_agreement_timeline_ics(const dpa_agreement *agreement,
                                      const char *events,
                                      size_t events_len,
                                      uint32_t format,
                                      int32_t year,
                                      uint32_t month,
                                      uint32_t day,
                                      char **out,
                                      size_t *out_len);
dpa_status dpa_agreement_timeline_ics_with(const dpa_agreement *agreement,
                                           const char *events,
                                           size_t events_len,
                                           uint32_t format,
                                           int32_t year,
                                           uint32_t month,
                                           uint32_t day,
                                           const dpa_ics_options *options,
                                           char **out,
                                           size_t *out_len);
dpa_status dpa_add_months(int32_t year,
                          uint32_t month,
                          uint32_t day,
                          int32_t months,
                          uint32_t rule,
                          dpa_date *out);
int32_t dpa_add_months_ymd(int32_t yyyymmdd, int32_t months);
int32_t dpa_add_months_ymd_rule(int32_t yyyymmdd, int32_t months, uint32_t rule);
int32_t dpa_add_months_ymd_text(const char *date, size_t date_len, int32_t months, uint32_t rule);
dpa_status dpa_add_months_batch(const dpa_date *dates,
                                size_t len,
                                int32_t months,
                                uint32_t rule,
                                dpa_date *out,
                                size_t out_cap);
dpa_status dpa_add_months_text(const char *dates,
                               size_t len,
                               int32_t months,
                               uint32_t rule,
                               char **out,
                               size_t *out_len);
dpa_status dpa_is_public_holiday(int32_t year, uint32_t month, uint32_t day, bool *out);
dpa_status dpa_is_public_holiday_batch(const dpa_date *dates,
                                       size_t len,
                                       bool *out,
                                       size_t out_cap);
dpa_status dpa_is_business_day(int32_t year, uint32_t month, uint32_t day, bool *out);
dpa_status dpa_next_business_day(int32_t year, uint32_t month, uint32_t day, dpa_date *out);
dpa_status dpa_next_business_day_batch(const dpa_date *dates,
                                       size_t len,
                                       dpa_date *out,
                                       size_t out_cap);
dpa_status dpa_public_holidays(int32_t year,
                               dpa_holiday_date *out,
                               size_t out_cap,
                               size_t *out_len);
dpa_status dpa_public_holidays_batch(const int32_t *years,
                                     size_t len,
                                     dpa_holiday_date *out,
                                     size_t out_cap,
                                     size_t *out_len);
const char *dpa_holiday_name(uint32_t holiday);
const char *dpa_holiday_dutch_name(uint32_t holiday);
uint32_t dpa_abi_version(void);
const char *dpa_version(void);
dpa_status dpa_noop(void);
void dpa_string_free(char *s);
dpa_status dpa_last_error_message(char *buf, size_t buf_len, size_t *out_len);
dpa_status dpa_last_error_path(char *buf, size_t buf_len, size_t *out_len);
dpa_status dpa_schema_json(char **out, size_t *out_len);
const char *dpa_status_name(uint32_t status);
dpa_status dpa_date_from_text(const char *text, size_t len, dpa_date *out);
dpa_status dpa_month_rule_from_name(const char *name, size_t len, uint32_t *out);
dpa_status dpa_deadline_kind_from_name(const char *name, size_t len, uint32_t *out);
dpa_status dpa_impact_from_name(const char *name, size_t len, uint32_t *out);
dpa_status dpa_format_from_name(const char *name, size_t len, uint32_t *out);
const char *dpa_deadline_kind_name(uint32_t kind);
const char *dpa_bound_name(uint32_t bound);
