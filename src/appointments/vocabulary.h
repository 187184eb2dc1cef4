// The closed lists of appointments: outcomes, absence judgements, acceptable-absence reasons and
// who asked for a rearrangement. FROZEN codes (stored, sent and in events) with labels.
#pragma once

#include <string_view>

#include "cases/vocabulary.h"

namespace probity::appointments {

cases::Vocabulary Outcomes();           // attended_complied, attended_failed_to_comply, ...
cases::Vocabulary Judgements();         // acceptable, unacceptable
cases::Vocabulary AcceptableReasons();  // illness, medical_appointment, ...
cases::Vocabulary Requesters();         // person, service

// The person came (complied, failed to comply, or was sent home): what first appointments are
// measured on.
bool IsAttended(std::string_view outcome);
// The appointment was not kept as required: it needs an absence judgement.
bool IsFailure(std::string_view outcome);

}  // namespace probity::appointments
