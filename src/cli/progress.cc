#include "cli/progress.h"

#include <cstdio>

namespace newsloom {

std::string FormatProgress(size_t done, size_t total, double seconds, const std::string& unit) {
  constexpr int kWidth = 30;
  int filled = total == 0 ? kWidth : int(double(done) / double(total) * kWidth);
  std::string bar(size_t(filled), '=');
  if (filled < kWidth) bar += '>' + std::string(size_t(kWidth - filled - 1), ' ');
  double rate = seconds > 0 ? double(done) / seconds : 0.0;
  char line[160];
  if (rate > 0 && done < total) {
    int eta = int(double(total - done) / rate);
    std::snprintf(line, sizeof line, "[%s] %zu/%zu %s %.1f/s ETA %d:%02d", bar.c_str(), done, total,
                  unit.c_str(), rate, eta / 60, eta % 60);
  } else {
    std::snprintf(line, sizeof line, "[%s] %zu/%zu %s %.1f/s", bar.c_str(), done, total,
                  unit.c_str(), rate);
  }
  return line;
}

ProgressBar::ProgressBar(std::string unit, bool enabled)
    : unit_(std::move(unit)), enabled_(enabled), start_(std::chrono::steady_clock::now()) {}

void ProgressBar::Update(size_t done, size_t total) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && done < total && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  std::fprintf(stderr, "\r%s\x1b[K", FormatProgress(done, total, seconds, unit_).c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::Finish() {
  if (enabled_ && drawn_) std::fprintf(stderr, "\r\x1b[K");
  drawn_ = false;
}

}  // namespace newsloom
