#include "appointments/vocabulary.h"

#include <array>

namespace probity::appointments {

namespace {
using cases::Term;

constexpr std::array kOutcomes = {
    Term{"attended_complied", "Attended and complied"},
    Term{"attended_failed_to_comply", "Attended and failed to comply"},
    Term{"sent_home", "Attended and sent home"},
    Term{"failed_to_attend", "Failed to attend"},
};
constexpr std::array kJudgements = {
    Term{"acceptable", "Acceptable"},
    Term{"unacceptable", "Unacceptable"},
};
constexpr std::array kAcceptableReasons = {
    Term{"illness", "Illness or injury"},
    Term{"medical_appointment", "Medical or hospital appointment"},
    Term{"employment", "Work commitment"},
    Term{"education_training", "Education or training"},
    Term{"caring_responsibility", "Childcare or caring responsibility"},
    Term{"bereavement_emergency", "Bereavement or family emergency"},
    Term{"court_or_custody", "In court or in custody"},
    Term{"religious_observance", "Religious observance"},
    Term{"travel_disruption", "Travel disruption"},
    Term{"service_error", "Probation service error"},
    Term{"other", "Other (explained in the note)"},
};
constexpr std::array kRequesters = {
    Term{"person", "The person on probation"},
    Term{"service", "The probation service"},
};
}  // namespace

cases::Vocabulary Outcomes() { return kOutcomes; }
cases::Vocabulary Judgements() { return kJudgements; }
cases::Vocabulary AcceptableReasons() { return kAcceptableReasons; }
cases::Vocabulary Requesters() { return kRequesters; }

bool IsAttended(std::string_view outcome) {
  return outcome == "attended_complied" || outcome == "attended_failed_to_comply" ||
         outcome == "sent_home";
}
bool IsFailure(std::string_view outcome) {
  return outcome == "attended_failed_to_comply" || outcome == "sent_home" ||
         outcome == "failed_to_attend";
}

}  // namespace probity::appointments
