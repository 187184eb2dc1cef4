// Checks on case input: pure, no I/O, no clock (today arrives as a value). Each failure is
// kInvalid naming the one field at fault, so the API and the forms can point at it.
#pragma once

#include <string_view>

#include "cases/model.h"
#include "cases/vocabulary.h"
#include "core/date.h"
#include "core/result.h"

namespace probity::cases {

// One capital letter and six digits: "X123456".
Status CheckCrn(std::string_view crn, const char* field = "crn");

// Required text: 1 to `max` characters after trimming, no control characters except, when
// `multiline`, line breaks and tabs.
Status CheckText(std::string_view text, const char* field, size_t max = 200,
                 bool multiline = false);
// A code from `vocabulary`; the message lists the choices.
Status CheckCode(std::string_view code, Vocabulary vocabulary, const char* field);
// A real date YYYY-MM-DD, not after `latest` when given.
Status CheckDate(std::string_view date, const char* field,
                 std::optional<Date> latest = std::nullopt);

// CRN, names, a date of birth giving an age of 10 to 120 on `today`, a gender code, and a
// plausible phone number and email address when given.
Status CheckNewPerson(const NewPerson& person, Date today);
// The same checks on the fields a change gives; kInvalid "empty_change" when it gives none.
Status CheckPersonChange(const PersonChange& change, Date today);

Status CheckAlias(const Alias& alias, Date today);
Status CheckAddress(const Address& address, Date today);
Status CheckNeed(const Need& need, Date today);
// Type from RegistrationTypes(); ROSH needs a level (low..very_high); MAPPA a level (1-3) and a
// category (1-4); other types take neither.
Status CheckRegistration(const Registration& registration, Date today);
Status CheckConviction(const Conviction& conviction, Date today);
// A reason is required and the two people differ.
Status CheckKeepApart(std::string_view crn, std::string_view other_crn, std::string_view reason);

}  // namespace probity::cases
