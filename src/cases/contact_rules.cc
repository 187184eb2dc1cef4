#include "cases/contact_rules.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>

#include "cases/rules.h"
#include "cases/vocabulary.h"
#include "core/base64url.h"
#include "core/date.h"

namespace probity::cases {

namespace {
constexpr size_t kMaxCursorLength = 128;
constexpr size_t kMaxReasonCharacters = 500;

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Two digits at s[pos]; -1 when they are not.
int TwoDigits(std::string_view s, size_t pos) {
  if (pos + 2 > s.size() || !AllDigits(s.substr(pos, 2))) return -1;
  return (s[pos] - '0') * 10 + (s[pos + 1] - '0');
}

// "a.b" or "a.b_c.d": an event kind, lower-case words joined by dots.
bool IsEventKind(std::string_view s) {
  if (s.size() > 64 || s.find('.') == std::string_view::npos) return false;
  if (s.front() == '.' || s.back() == '.' || s.find("..") != std::string_view::npos) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || c == '_' || c == '.'; });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

UtcTime StartOf(Date day) { return UtcTime{day.time_since_epoch()}; }
}  // namespace

size_t CountCharacters(std::string_view utf8) {
  return static_cast<size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

Status CheckNote(std::string_view note, const char* field) {
  if (CountCharacters(note) > kMaxNoteCharacters)
    return Error::Invalid("too_long",
                          std::string(field) + " must be at most " +
                              std::to_string(kMaxNoteCharacters) + " characters",
                          field);
  return CheckText(note, field, std::numeric_limits<size_t>::max(), /*multiline=*/true);
}

Status CheckContactTime(UtcTime at, UtcTime now, const char* field) {
  if (at > now + kClockSkew)
    return Error::Invalid("future_contact",
                          std::string(field) +
                              " is in the future: record a contact once it has happened (a "
                              "planned one is an appointment)",
                          field);
  if (at < StartOf(*ParseDate(kEarliestContact)))
    return Error::Invalid("too_early",
                          std::string(field) + " cannot be before " + std::string(kEarliestContact),
                          field);
  return Ok();
}

Status CheckNewContact(const NewContact& c, UtcTime now) {
  if (auto s = CheckCode(c.type, ContactTypes(), "type"); !s) return s;
  if (c.at)
    if (auto s = CheckContactTime(*c.at, now); !s) return s;
  return CheckNote(c.note);
}

Status CheckAmendment(std::string_view note, std::string_view reason) {
  if (auto s = CheckNote(note); !s) return s;
  if (CountCharacters(reason) > kMaxReasonCharacters)
    return Error::Invalid(
        "too_long",
        "reason must be at most " + std::to_string(kMaxReasonCharacters) + " characters", "reason");
  return CheckText(reason, "reason", std::numeric_limits<size_t>::max());
}

std::string AmendmentNote(int64_t contact_id, std::string_view reason, std::string_view note) {
  return "Amendment to contact " + std::to_string(contact_id) + ": " + std::string(Trim(reason)) +
         "\n\n" + std::string(note);
}

std::string TimelineTypeLabel(std::string_view type) {
  if (auto term = Find(ContactTypes(), type)) return std::string(term->label);
  std::string label(type);
  for (auto& c : label)
    if (c == '.' || c == '_') c = ' ';
  if (!label.empty() && label[0] >= 'a' && label[0] <= 'z')
    label[0] = static_cast<char>(label[0] - 'a' + 'A');
  return label;
}

std::string EncodeCursor(const TimelineCursor& cursor) {
  return EncodeBase64Url(FormatUtc(cursor.at) + "|" + std::to_string(cursor.id));
}

std::optional<TimelineCursor> DecodeCursor(std::string_view text) {
  const auto decoded = DecodeBase64Url(text, kMaxCursorLength);
  if (!decoded) return std::nullopt;
  const std::string& plain = *decoded;
  const auto bar = plain.find('|');
  if (bar == std::string::npos) return std::nullopt;
  auto at = ParseUtc(std::string_view(plain).substr(0, bar));
  const std::string_view digits = std::string_view(plain).substr(bar + 1);
  if (!at || !AllDigits(digits) || digits.size() > 18 || digits[0] == '0') return std::nullopt;
  int64_t id = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), id);
  return TimelineCursor{*at, id};
}

std::optional<UtcTime> ParseInstant(std::string_view s) {
  using namespace std::chrono;
  // YYYY-MM-DDTHH:MM:SS[.f{1,6}](Z|+HH:MM|-HH:MM)
  if (s.size() < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':') return std::nullopt;
  const auto day = ParseDate(s.substr(0, 10));
  const int h = TwoDigits(s, 11), mi = TwoDigits(s, 14), se = TwoDigits(s, 17);
  if (!day || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59) return std::nullopt;
  UtcTime t = StartOf(*day) + hours{h} + minutes{mi} + seconds{se};
  size_t pos = 19;
  if (s[pos] == '.') {
    size_t digits = 0;
    int64_t micros = 0;
    while (pos + 1 + digits < s.size() && s[pos + 1 + digits] >= '0' &&
           s[pos + 1 + digits] <= '9') {
      micros = micros * 10 + (s[pos + 1 + digits] - '0');
      ++digits;
    }
    if (digits == 0 || digits > 6) return std::nullopt;
    for (size_t i = digits; i < 6; ++i) micros *= 10;
    t += microseconds{micros};
    pos += 1 + digits;
  }
  const std::string_view zone = s.substr(pos);
  if (zone == "Z") return t;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return std::nullopt;
  const int oh = TwoDigits(zone, 1), om = TwoDigits(zone, 4);
  if (oh < 0 || oh > 23 || om < 0 || om > 59) return std::nullopt;
  const minutes offset{oh * 60 + om};
  // Local time = UTC + offset, so UTC = local - offset.
  return zone[0] == '+' ? t - offset : t + offset;
}

Result<UtcTime> ParseTimelineBound(std::string_view text, Bound bound, const char* field) {
  if (auto day = ParseDate(text))
    return StartOf(bound == Bound::kFrom ? *day : *day + std::chrono::days{1});
  if (auto at = ParseInstant(text)) return *at;
  return Error::Invalid("invalid_bound",
                        std::string(field) +
                            " must be a date YYYY-MM-DD or an instant such as "
                            "2026-11-23T09:15:00Z, not '" +
                            std::string(text.substr(0, 40)) + "'",
                        field);
}

Result<TimelineQuery> ParseTimelineFilter(const TimelineFilter& f) {
  TimelineQuery q;
  for (const auto& value : f.types) {
    std::string_view rest = value;
    while (true) {
      const auto comma = rest.find(',');
      const std::string_view type = Trim(rest.substr(0, comma));
      if (!Has(ContactTypes(), type) && !IsEventKind(type))
        return Error::Invalid("invalid_type",
                              "type must be a contact type (" + Choices(ContactTypes()) +
                                  ") or an event kind such as person.registered, not '" +
                                  std::string(type.substr(0, 40)) + "'",
                              "type");
      if (std::find(q.types.begin(), q.types.end(), type) == q.types.end())
        q.types.emplace_back(type);
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  if (q.types.size() > kMaxFilterTypes)
    return Error::Invalid(
        "too_many_types",
        "a timeline filter names at most " + std::to_string(kMaxFilterTypes) + " types", "type");
  if (f.from) {
    auto from = ParseTimelineBound(*f.from, Bound::kFrom, "from");
    if (!from) return from.error();
    q.from = *from;
  }
  if (f.to) {
    auto to = ParseTimelineBound(*f.to, Bound::kTo, "to");
    if (!to) return to.error();
    q.to = *to;
  }
  if (q.from && q.to && *q.to <= *q.from)
    return Error::Invalid("empty_range", "to must be after from", "to");
  if (f.cursor) {
    q.after = DecodeCursor(*f.cursor);
    if (!q.after)
      return Error::Invalid("invalid_cursor",
                            "cursor is not one this server gave: start again without it", "cursor");
  }
  q.limit = kDefaultTimelineLimit;
  if (f.limit) {
    int limit = 0;
    const auto& text = *f.limit;
    const bool number =
        AllDigits(text) && text.size() <= 4 &&
        std::from_chars(text.data(), text.data() + text.size(), limit).ec == std::errc{};
    if (!number || limit < 1 || limit > kMaxTimelineLimit)
      return Error::Invalid(
          "invalid_limit",
          "limit must be a whole number from 1 to " + std::to_string(kMaxTimelineLimit), "limit");
    q.limit = limit;
  }
  return q;
}

}  // namespace probity::cases
