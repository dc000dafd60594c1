// A progress bar for long batch work, drawn on stderr when it is a terminal.
// Not thread-safe: call from one thread.
#ifndef NEWSLOOM_CLI_PROGRESS_H_
#define NEWSLOOM_CLI_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <string>

namespace newsloom {

class ProgressBar {
 public:
  // `enabled` false makes every call a no-op (stderr is not a terminal, or --quiet).
  ProgressBar(std::string unit, bool enabled);

  // Redraws at most ten times a second: "[=====>    ] 120/400 files 35.2/s ETA 0:08".
  void Update(size_t done, size_t total);
  // Clears the bar's line.
  void Finish();

 private:
  std::string unit_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

// The bar's text, exposed for tests.
std::string FormatProgress(size_t done, size_t total, double seconds, const std::string& unit);

}  // namespace newsloom

#endif  // NEWSLOOM_CLI_PROGRESS_H_
