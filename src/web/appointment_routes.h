// The JSON API for appointments: types, booking, rearranging, outcomes and their amendments on a
// person's case, and a practitioner's diary.
#pragma once

#include "web/auth.h"
#include "web/router.h"

namespace probity::web {

void AddAppointmentRoutes(Router& router, const Auth& auth);

}  // namespace probity::web
