// The JSON API for breach proceedings and recalls on a person's case, and the recall team's list.
// Each handler opens the case for the action the step needs (app::OpenCase), checks the role the
// step needs (enforcement::MayRecordBreachStep / MayRecordRecallStep), reads the body and calls
// one use case in app/proceedings.h. No rule and no SQL here.
#pragma once

#include "web/auth.h"
#include "web/router.h"

namespace probity::web {

void AddProceedingsRoutes(Router& router, const Auth& auth);

}  // namespace probity::web
