// The unallocated queue (issue 10, item 4): every person in the caller's reach for allocation with
// a current sentence and no responsible officer, most urgent first, with what an SPO weighs
// before allocating: age, tier, risk flags, the sentence, the first appointment's due date, how
// long the case has waited and who last did something on it. Rules in allocation/queue.h.
#pragma once

#include <vector>

#include "access/model.h"
#include "allocation/queue.h"
#include "core/result.h"
#include "core/time.h"
#include "store/db.h"

namespace probity::app {

// At most this many cases are read (a PDU's whole queue; the national figure that prompted the
// queue was 650).
inline constexpr int kQueueLimit = 2000;

// kForbidden for a role that does not allocate (only SPOs and senior managers do). Restricted
// cases the caller may not see are left out, as everywhere.
Result<std::vector<allocation::QueueEntry>> UnallocatedQueue(store::Db& db,
                                                             const access::Principal& who,
                                                             UtcTime now);

// Notes that `who` opened a case that waits in the queue (no officer, a current sentence), once a
// UK day, so the queue can show who has looked at it. Nothing for any other case.
void NoteUnallocatedView(store::Db& db, const access::Principal& who,
                         const cases::CaseRecord& record, UtcTime now);

}  // namespace probity::app
