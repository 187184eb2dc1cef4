#include "workload/model.h"

namespace probity::workload {

std::optional<int> TierIndex(std::string_view code) {
  for (int i = 0; i < 16; ++i) {
    if (kTierCodes[i] == code) return i;
  }
  return std::nullopt;
}

std::optional<CaseType> ParseCaseType(std::string_view code) {
  if (code == "community") return CaseType::kCommunity;
  if (code == "custody") return CaseType::kCustody;
  if (code == "licence") return CaseType::kLicence;
  return std::nullopt;
}

std::string_view CaseTypeCode(CaseType type) {
  switch (type) {
    case CaseType::kCommunity:
      return "community";
    case CaseType::kCustody:
      return "custody";
    case CaseType::kLicence:
      return "licence";
  }
  return "community";
}

Weightings DefaultWeightings() {
  Weightings w;
  w.community = {206, 158, 146, 110, 146, 115, 102, 72, 79, 63, 50, 35, 51, 41, 29, 29};
  w.custody = {75, 60, 59, 0, 59, 48, 47, 0, 30, 24, 23, 0, 17, 14, 13, 0};
  w.licence = {219, 175, 163, 0, 161, 132, 119, 0, 77, 65, 52, 0, 51, 43, 31, 0};
  w.young_adult = {75, 60, 59, 0, 59, 48, 47, 0, 30, 24, 23, 0, 17, 14, 13, 0};
  return w;
}

}  // namespace probity::workload
