#include "cases/rules.h"

#include <algorithm>
#include <cctype>

namespace probity::cases {

namespace {
std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

Status CheckOptionalText(const std::optional<std::string>& text, const char* field,
                         size_t max = 200) {
  return text ? CheckText(*text, field, max) : Ok();
}

Status CheckPhone(std::string_view phone) {
  const bool ok = phone.size() >= 6 && phone.size() <= 20 &&
                  std::all_of(phone.begin(), phone.end(), [](char c) {
                    return std::isdigit(static_cast<unsigned char>(c)) || c == ' ' || c == '+' ||
                           c == '(' || c == ')' || c == '-';
                  });
  if (ok) return Ok();
  return Error::Invalid("invalid_phone",
                        "a phone number is 6 to 20 digits, spaces, '+', '-' or brackets", "phone");
}

Status CheckEmail(std::string_view email) {
  const auto at = email.find('@');
  const bool ok = email.size() <= 254 && at != std::string_view::npos && at > 0 &&
                  email.find('.', at) != std::string_view::npos && email.back() != '.' &&
                  std::none_of(email.begin(), email.end(),
                               [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
  if (ok) return Ok();
  return Error::Invalid("invalid_email", "an email address looks like name@example.org", "email");
}

Status CheckBirth(std::string_view date_of_birth, Date today) {
  auto born = RequireDate(date_of_birth, "date_of_birth");
  if (!born) return born.error();
  const int age = WholeYears(*born, today);
  if (age < 10 || age > 120)
    return Error::Invalid("implausible_date_of_birth",
                          "date of birth gives an age of " + std::to_string(age) +
                              ": a person on probation is 10 to 120 years old",
                          "date_of_birth");
  return Ok();
}
}  // namespace

Status CheckCrn(std::string_view crn, const char* field) {
  const bool ok =
      crn.size() == 7 && crn[0] >= 'A' && crn[0] <= 'Z' &&
      std::all_of(crn.begin() + 1, crn.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (ok) return Ok();
  return Error::Invalid("invalid_crn",
                        "a CRN is one capital letter and six digits, for example X123456", field);
}

Status CheckText(std::string_view text, const char* field, size_t max, bool multiline) {
  const auto trimmed = Trim(text);
  if (trimmed.empty())
    return Error::Invalid("required", std::string(field) + " is required", field);
  if (text.size() > max)
    return Error::Invalid(
        "too_long", std::string(field) + " must be at most " + std::to_string(max) + " characters",
        field);
  for (unsigned char c : text) {
    const bool allowed_break = multiline && (c == '\n' || c == '\r' || c == '\t');
    if ((c < 0x20 || c == 0x7f) && !allowed_break)
      return Error::Invalid("control_character",
                            std::string(field) + " contains a control character", field);
  }
  return Ok();
}

Status CheckCode(std::string_view code, Vocabulary vocabulary, const char* field) {
  if (Has(vocabulary, code)) return Ok();
  return Error::Invalid("invalid_code",
                        std::string(field) + " must be one of: " + Choices(vocabulary), field);
}

Status CheckDate(std::string_view date, const char* field, std::optional<Date> latest) {
  auto d = RequireDate(date, field);
  if (!d) return d.error();
  if (latest && *d > *latest)
    return Error::Invalid("future_date",
                          std::string(field) + " cannot be after " + FormatDate(*latest), field);
  return Ok();
}

Status CheckNewPerson(const NewPerson& p, Date today) {
  if (auto s = CheckCrn(p.crn); !s) return s;
  if (auto s = CheckText(p.first_name, "first_name", 100); !s) return s;
  if (auto s = CheckText(p.last_name, "last_name", 100); !s) return s;
  if (auto s = CheckBirth(p.date_of_birth, today); !s) return s;
  if (auto s = CheckCode(p.gender, Genders(), "gender"); !s) return s;
  if (p.phone)
    if (auto s = CheckPhone(*p.phone); !s) return s;
  if (p.email)
    if (auto s = CheckEmail(*p.email); !s) return s;
  return Ok();
}

Status CheckPersonChange(const PersonChange& c, Date today) {
  if (!c.first_name && !c.last_name && !c.date_of_birth && !c.gender && !c.phone && !c.email &&
      !c.iom)
    return Error::Invalid("empty_change", "the change names no field to change");
  if (c.first_name)
    if (auto s = CheckText(*c.first_name, "first_name", 100); !s) return s;
  if (c.last_name)
    if (auto s = CheckText(*c.last_name, "last_name", 100); !s) return s;
  if (c.date_of_birth)
    if (auto s = CheckBirth(*c.date_of_birth, today); !s) return s;
  if (c.gender)
    if (auto s = CheckCode(*c.gender, Genders(), "gender"); !s) return s;
  if (c.phone && *c.phone)
    if (auto s = CheckPhone(**c.phone); !s) return s;
  if (c.email && *c.email)
    if (auto s = CheckEmail(**c.email); !s) return s;
  return Ok();
}

Status CheckAlias(const Alias& a, Date today) {
  if (auto s = CheckText(a.first_name, "first_name", 100); !s) return s;
  if (auto s = CheckText(a.last_name, "last_name", 100); !s) return s;
  if (a.date_of_birth)
    if (auto s = CheckDate(*a.date_of_birth, "date_of_birth", today); !s) return s;
  return Ok();
}

Status CheckAddress(const Address& a, Date today) {
  if (auto s = CheckCode(a.status, AddressStatuses(), "status"); !s) return s;
  if (auto s = CheckText(a.line1, "line1"); !s) return s;
  if (auto s = CheckOptionalText(a.line2, "line2"); !s) return s;
  if (auto s = CheckText(a.town, "town", 100); !s) return s;
  if (auto s = CheckText(a.postcode, "postcode", 10); !s) return s;
  if (auto s = CheckDate(a.start_date, "start_date", today); !s) return s;
  return Ok();
}

Status CheckNeed(const Need& n, Date today) {
  if (auto s = CheckCode(n.need, NeedAreas(), "need"); !s) return s;
  if (auto s = CheckCode(n.severity, NeedSeverities(), "severity"); !s) return s;
  return CheckDate(n.assessed_on, "assessed_on", today);
}

Status CheckRegistration(const Registration& r, Date today) {
  if (auto s = CheckCode(r.type, RegistrationTypes(), "type"); !s) return s;
  if (r.type == "rosh") {
    if (!r.level)
      return Error::Invalid("required",
                            "a ROSH registration needs a level: " + Choices(RoshLevels()), "level");
    if (auto s = CheckCode(*r.level, RoshLevels(), "level"); !s) return s;
    if (r.category)
      return Error::Invalid("not_applicable", "a ROSH registration has no category", "category");
  } else if (r.type == "mappa") {
    if (!r.level)
      return Error::Invalid("required", "a MAPPA registration needs a level: 1, 2 or 3", "level");
    if (auto s = CheckCode(*r.level, MappaLevels(), "level"); !s) return s;
    if (!r.category)
      return Error::Invalid("required", "a MAPPA registration needs a category: 1 to 4",
                            "category");
    if (auto s = CheckCode(*r.category, MappaCategories(), "category"); !s) return s;
  } else if (r.level || r.category) {
    return Error::Invalid("not_applicable",
                          "only ROSH and MAPPA registrations have a level or category",
                          r.level ? "level" : "category");
  }
  if (auto s = CheckOptionalText(r.notes, "notes", 2000); !s) return s;
  return CheckDate(r.start_date, "start_date", today);
}

Status CheckConviction(const Conviction& c, Date today) {
  if (auto s = CheckDate(c.conviction_date, "conviction_date", today); !s) return s;
  if (auto s = CheckCode(c.offence_group, OffenceGroups(), "offence_group"); !s) return s;
  return CheckOptionalText(c.offence, "offence");
}

Status CheckKeepApart(std::string_view crn, std::string_view other_crn, std::string_view reason) {
  if (auto s = CheckCrn(other_crn, "other_crn"); !s) return s;
  if (crn == other_crn)
    return Error::Invalid("same_person", "a person cannot be kept apart from themselves",
                          "other_crn");
  return CheckText(reason, "reason", 500);
}

}  // namespace probity::cases
