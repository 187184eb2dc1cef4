// The JSON API for inspection samples (app/inspection_samples.h; docs/inspection-samples.md):
// draw and record a sample, list and read them (as CSV too), replace a sampled case with a
// reason, and verify a sample by drawing it again from the log. SampleJson and
// VerificationJson are shared with the pages.
#pragma once

#include <nlohmann/json.hpp>

#include "app/inspection_samples.h"
#include "web/auth.h"
#include "web/router.h"

namespace probity::web {

nlohmann::json SampleJson(const app::InspectionSample& s);
nlohmann::json VerificationJson(const app::Verification& v);

void AddSampleRoutes(Router& router, const Auth& auth);

}  // namespace probity::web
