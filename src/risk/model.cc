#include "risk/model.h"

namespace probity::risk {

const char* ToString(Gender g) { return g == Gender::kFemale ? "female" : "male"; }

std::optional<Gender> ParseGender(std::string_view code) {
  if (code == "male") return Gender::kMale;
  if (code == "female") return Gender::kFemale;
  return std::nullopt;
}

}  // namespace probity::risk
