// A letter's content, filled from the case record: who it is to and where they live, the
// sentence and the requirements or licence conditions concerned, the failures counted and which
// one this is, and what happens next. Pure: the facts arrive as values (gathered by
// app/letters.cc), the letter leaves as a value and as the data its template
// (templates/letters/<kind>.mustache) renders. No I/O, no clock: the date is a fact given.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cases/model.h"
#include "core/time.h"
#include "letters/model.h"
#include "org/model.h"

namespace probity::letters {

// One unacceptable failure counted towards this letter, with its number in the window.
struct FailureFact {
  int nth = 0;
  UtcTime starts_at{};
  std::string appointment_type;  // its label: "Supervision appointment"
  std::string outcome;           // code: "failed_to_attend", "sent_home", ...
};

// What the record says, for one letter.
struct LetterFacts {
  LetterKind kind = LetterKind::kWarning;
  UtcTime issued_at{};
  cases::Person person;
  std::vector<cases::Address> addresses;  // newest first, as cases::CaseRecord holds them
  std::string officer_name;               // the responsible officer, or who decided
  std::optional<org::Office> office;      // where the officer works, when known
  cases::Sentence sentence;
  std::vector<cases::Requirement> requirements;  // the sentence's, or those the failures were on
  std::vector<cases::LicenceCondition> conditions;
  std::vector<FailureFact> failures;  // counted in the window, oldest first; the last is decided on
  int window_months = 12;
  std::string rationale;  // the decision's, if any
};

struct LetterFailure {
  std::string nth;   // "1st"
  std::string date;  // "3 March 2026"
  std::string time;  // "9:15am"
  std::string appointment_type;
  std::string outcome;  // "Failed to attend"
};

// The letter as it reads.
struct Letter {
  LetterKind kind = LetterKind::kWarning;
  std::string title;    // "Warning letter: failure to comply on 3 March 2026"
  std::string heading;  // "Formal warning"
  std::string date;     // "10 March 2026"
  std::string crn;
  std::string name;                        // "Jo Bloggs"
  std::vector<std::string> address_lines;  // empty: no current address on record
  std::string officer_name;
  std::string office_name;  // empty when unknown
  std::vector<std::string> office_address;
  std::string sentence;  // "Community order made at Leeds Magistrates' Court on 1 March 2026"
  std::string offence;
  std::string conditions_heading;       // "The requirements of your order" / "... licence"
  std::vector<std::string> conditions;  // one line each
  std::vector<LetterFailure> failures;
  std::string count_text;  // "This is the second unacceptable failure ... within 12 months."
  std::vector<std::string> next_steps;  // paragraphs: what happens next
  std::string rationale;                // empty: none given
};

// The person's current address: the latest main address with no end date, else the latest with
// no end date; nullopt when none.
std::optional<cases::Address> CurrentAddress(const std::vector<cases::Address>& addresses);

// Fills the letter from the facts. Requires at least one failure (the one decided on).
Letter FillLetter(const LetterFacts& facts);

// The template's data for `letter`: every field above, with "has_*" flags for the optional parts.
nlohmann::json LetterData(const Letter& letter);

// The template that renders a kind of letter: "letters/warning", "letters/compliance_letter",
// "letters/breach".
std::string TemplateOf(LetterKind kind);

}  // namespace probity::letters
