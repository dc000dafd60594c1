#include "engine/engine_impl.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "common/time.h"
#include "extract/extract.h"
#include "ingest/ingest.h"

namespace newsloom {

namespace {

// Everything one input file produced, in record order.
std::vector<ExtractedInput> ProcessFile(const ingest::InputFile& file,
                                        const ingest::ReadOptions& read_options,
                                        const Timestamp& fetched, const ArticleAnalysis* analysis) {
  std::vector<ExtractedInput> outputs;
  if (!file.status.ok()) {
    outputs.push_back({file.path, file.status, {}});
    return outputs;
  }
  auto records = ingest::ReadFile(file.path, read_options);
  if (!records.ok()) {
    outputs.push_back({file.path, records.status(), {}});
    return outputs;
  }
  for (ingest::ReadRecord& record : *records) {
    ExtractedInput output;
    output.origin = record.page.origin.empty() ? file.path : record.page.origin;
    output.status = record.status;
    if (record.status.ok()) {
      auto articles = extract::ExtractPage(record.page, fetched);
      if (articles.ok()) {
        output.articles = std::move(articles).value();
        if (analysis != nullptr) {
          for (Article& article : output.articles) analysis->Run(article);
        }
      } else {
        output.status = articles.status();
      }
    }
    outputs.push_back(std::move(output));
  }
  return outputs;
}

}  // namespace

Result<std::unique_ptr<Engine>> Engine::Open(const Options& options) {
  if (options.jobs < 0) return Status::InvalidArgument("jobs must be 0 (all cores) or more");
  if (options.max_page_bytes == 0) return Status::InvalidArgument("max_page_bytes must be > 0");
  auto analysis = ArticleAnalysis::Open(options);
  if (!analysis.ok()) return analysis.status();
  return std::unique_ptr<Engine>(new EngineImpl(options, std::move(analysis).value()));
}

EngineImpl::EngineImpl(const Options& options, std::unique_ptr<const ArticleAnalysis> analysis)
    : options_(options), analysis_(std::move(analysis)) {}

ExtractSummary EngineImpl::Extract(const std::vector<std::string>& paths,
                                   const ExtractCallbacks& callbacks) {
  std::vector<ingest::InputFile> files = ingest::ListInputs(paths);
  ingest::ReadOptions read_options;
  read_options.max_page_bytes = options_.max_page_bytes;
  read_options.max_file_bytes = options_.max_file_bytes;
  const Timestamp fetched = Now();

  size_t jobs = options_.jobs > 0 ? size_t(options_.jobs)
                                  : std::max<size_t>(1, std::thread::hardware_concurrency());
  jobs = std::min(jobs, std::max<size_t>(1, files.size()));

  // Workers fill slots; this thread hands them to the callbacks in order.
  // A worker never runs more than `window` files ahead of the emitter, which
  // bounds the memory held by finished but unreported results.
  const size_t window = jobs * 4;
  std::vector<std::optional<std::vector<ExtractedInput>>> slots(files.size());
  std::mutex mutex;
  std::condition_variable changed;
  size_t next_to_emit = 0;  // guarded by mutex
  std::atomic<size_t> next_to_take{0};

  auto worker = [&] {
    for (;;) {
      size_t index = next_to_take.fetch_add(1);
      if (index >= files.size()) return;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return index < next_to_emit + window; });
      }
      auto outputs = ProcessFile(files[index], read_options, fetched, analysis_.get());
      {
        std::lock_guard lock(mutex);
        slots[index] = std::move(outputs);
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (size_t i = 0; i < jobs; ++i) threads.emplace_back(worker);

  ExtractSummary summary;
  for (size_t index = 0; index < files.size(); ++index) {
    std::vector<ExtractedInput> outputs;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return slots[index].has_value(); });
      outputs = std::move(*slots[index]);
      slots[index].reset();
      next_to_emit = index + 1;
    }
    changed.notify_all();
    for (const ExtractedInput& output : outputs) {
      ++summary.inputs;
      if (!output.status.ok()) ++summary.failed;
      summary.articles += output.articles.size();
      if (callbacks.on_input) callbacks.on_input(output);
    }
    if (callbacks.on_progress) callbacks.on_progress(index + 1, files.size());
  }
  for (std::thread& thread : threads) thread.join();
  return summary;
}

}  // namespace newsloom
