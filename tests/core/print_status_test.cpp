// What CUPS's job and printer states read as: the words on the kiosk and the command line.
#include "core/print/print_document.hpp"
#include "core/print/print_status.hpp"

#include <gtest/gtest.h>

namespace meetscan::core {
namespace {

PrinterInfo printer(int state, std::vector<std::string> reasons, bool accepting = true, std::string message = "") {
    PrinterInfo info;
    info.name = "lounge";
    info.ippState = state;
    info.reasons = std::move(reasons);
    info.accepting = accepting;
    info.message = std::move(message);
    return info;
}

TEST(PrintStatus, PrinterConditionsFromStateAndReasons) {
    EXPECT_EQ(conditionOf(printer(3, {})), PrinterCondition::Ready);
    EXPECT_EQ(conditionOf(printer(4, {})), PrinterCondition::Printing);
    EXPECT_EQ(conditionOf(printer(5, {"paused"})), PrinterCondition::Stopped);
    EXPECT_EQ(conditionOf(printer(3, {"media-empty-error"})), PrinterCondition::OutOfPaper);
    EXPECT_EQ(conditionOf(printer(5, {"media-needed", "paused"})), PrinterCondition::OutOfPaper);
    EXPECT_EQ(conditionOf(printer(3, {"offline-report"})), PrinterCondition::Offline);
    EXPECT_EQ(conditionOf(printer(3, {}, false)), PrinterCondition::NotAccepting);
    // A severity suffix is not part of the keyword, but a longer keyword is another one.
    EXPECT_EQ(conditionOf(printer(3, {"media-empty-warning"})), PrinterCondition::OutOfPaper);
    EXPECT_EQ(conditionOf(printer(3, {"media-low-warning"})), PrinterCondition::Ready);
    EXPECT_EQ(describePrinter(printer(5, {"paused"}, true, "Jam")), "stopped (Jam)");
    EXPECT_EQ(describePrinter(printer(3, {"media-empty-error"})), "out of paper");
}

TEST(PrintStatus, JobStatesFromJobAndPrinter) {
    const auto idle = printer(3, {});
    EXPECT_EQ(jobStatusOf(3, {}, "", idle).state, JobState::Queued);
    EXPECT_EQ(jobStatusOf(5, {}, "", printer(4, {})).state, JobState::Printing);
    EXPECT_EQ(jobStatusOf(9, {}, "", idle).state, JobState::Done);
    EXPECT_EQ(jobStatusOf(7, {}, "", idle).state, JobState::Cancelled);
    auto aborted = jobStatusOf(8, {}, "Filter failed", idle);
    EXPECT_EQ(aborted.state, JobState::Aborted);
    EXPECT_NE(aborted.message.find("Filter failed"), std::string::npos);
    auto held = jobStatusOf(4, {"job-hold-until-specified"}, "", idle);
    EXPECT_EQ(held.state, JobState::Held);
    EXPECT_NE(held.message.find("until staff release it"), std::string::npos);
    // A pending job on a troubled printer says what the trouble is.
    auto stopped = jobStatusOf(3, {}, "", printer(5, {"paused"}, true, "Paused by staff"));
    EXPECT_EQ(stopped.state, JobState::PrinterStopped);
    EXPECT_EQ(stopped.message, "printer lounge is stopped (Paused by staff)");
    EXPECT_EQ(jobStatusOf(5, {}, "", printer(5, {"media-empty-error"})).state, JobState::OutOfPaper);
    EXPECT_EQ(jobStatusOf(3, {}, "", printer(3, {"offline-report"})).state, JobState::PrinterOffline);
    // A finished job stays finished whatever its printer does next.
    EXPECT_EQ(jobStatusOf(9, {}, "", printer(5, {"paused"})).state, JobState::Done);
}

TEST(PrintStatus, FinalAndAttentionStates) {
    EXPECT_TRUE(isFinal(JobState::Done));
    EXPECT_TRUE(isFinal(JobState::Failed));
    EXPECT_FALSE(isFinal(JobState::Held));
    EXPECT_FALSE(needsAttention(JobState::Printing));
    EXPECT_TRUE(needsAttention(JobState::OutOfPaper));
    EXPECT_TRUE(needsAttention(JobState::Failed));
    EXPECT_EQ(toString(JobState::PrinterStopped), "printer stopped");
}

TEST(PrintStatus, PaperNames) {
    EXPECT_EQ(parsePaper("a4"), Paper::A4);
    EXPECT_EQ(parsePaper("letter"), Paper::Letter);
    EXPECT_EQ(parsePaper("receipt80"), Paper::Receipt80);
    EXPECT_FALSE(parsePaper("A4"));
    EXPECT_FALSE(parsePaper("a3"));
    EXPECT_EQ(toString(Paper::Receipt80), "receipt80");
}

} // namespace
} // namespace meetscan::core
