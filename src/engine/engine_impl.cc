#include "engine/engine_impl.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include "common/time.h"
#include "engine/work_units.h"
#include "extract/extract.h"
#include "ingest/ingest.h"

namespace newsloom {

namespace {

// The outcome of one record of `path`.
ExtractedInput ProcessRecord(ingest::ReadRecord& record, const std::string& path,
                             const Timestamp& fetched, const ArticleAnalysis* analysis) {
  ExtractedInput output;
  output.origin = record.page.origin.empty() ? path : record.page.origin;
  output.status = record.status;
  if (!record.status.ok()) return output;
  auto articles = extract::ExtractPage(record.page, fetched);
  if (!articles.ok()) {
    output.status = articles.status();
    return output;
  }
  output.articles = std::move(articles).value();
  if (analysis != nullptr) {
    analysis->RunPage(output.articles);
  }
  return output;
}

// Everything one unit produced, in record order. Frees the unit's pages.
std::vector<ExtractedInput> ProcessUnit(engine::WorkUnit& unit,
                                        const ingest::ReadOptions& read_options,
                                        const Timestamp& fetched, const ArticleAnalysis* analysis) {
  std::vector<ExtractedInput> outputs;
  switch (unit.kind) {
    case engine::WorkUnit::Kind::kFailed:
      outputs.push_back({unit.path, unit.status, {}});
      break;
    case engine::WorkUnit::Kind::kWholeFile: {
      auto records = ingest::ReadFile(unit.path, read_options);
      if (!records.ok()) {
        outputs.push_back({unit.path, records.status(), {}});
        break;
      }
      for (ingest::ReadRecord& record : *records) {
        outputs.push_back(ProcessRecord(record, unit.path, fetched, analysis));
      }
      break;
    }
    case engine::WorkUnit::Kind::kRecords:
      for (ingest::ReadRecord& record : unit.records) {
        outputs.push_back(ProcessRecord(record, unit.path, fetched, analysis));
      }
      std::vector<ingest::ReadRecord>().swap(unit.records);
      break;
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
  ingest::ReadOptions read_options;
  read_options.max_page_bytes = options_.max_page_bytes;
  read_options.max_file_bytes = options_.max_file_bytes;
  const Timestamp fetched = Now();
  engine::WorkUnitSource source(ingest::ListInputs(paths), read_options);
  const size_t file_count = source.file_count();

  const size_t jobs = options_.jobs > 0 ? size_t(options_.jobs)
                                        : std::max<size_t>(1, std::thread::hardware_concurrency());

  // Three roles: one reader thread cuts the inputs into units (streaming
  // archives), the workers process them, and this thread hands the results
  // to the callbacks in order. At most `window` units are in flight (read
  // but not yet reported), which bounds memory whatever the input's size.
  struct Slot {
    engine::WorkUnit unit;
    std::vector<ExtractedInput> outputs;
    bool done = false;  // guarded by mutex
  };
  const size_t window = jobs * 4;
  std::mutex mutex;
  std::condition_variable room;        // the reader waits for fewer than `window` slots
  std::condition_variable work_ready;  // workers wait for a slot to process
  std::condition_variable slot_done;   // this thread waits for the oldest slot
  // Guarded by mutex: slots in flight, oldest first; the sequence number of
  // slots.front(); the next one to process; whether the reader has finished.
  std::deque<std::unique_ptr<Slot>> slots;
  size_t first_in_flight = 0;
  size_t next_to_process = 0;
  bool reading_done = false;

  std::thread reader([&] {
    for (;;) {
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return slots.size() < window; });
      }
      std::optional<engine::WorkUnit> unit = source.Next();
      {
        std::lock_guard lock(mutex);
        if (unit) {
          slots.push_back(std::make_unique<Slot>(Slot{std::move(*unit), {}, false}));
        } else {
          reading_done = true;
        }
      }
      work_ready.notify_all();
      slot_done.notify_one();
      if (!unit) return;
    }
  });
  auto worker = [&] {
    for (;;) {
      Slot* slot = nullptr;
      {
        std::unique_lock lock(mutex);
        work_ready.wait(
            lock, [&] { return next_to_process < first_in_flight + slots.size() || reading_done; });
        if (next_to_process == first_in_flight + slots.size()) return;
        slot = slots[next_to_process - first_in_flight].get();
        ++next_to_process;
      }
      // The slot stays put until this thread marks it done.
      slot->outputs = ProcessUnit(slot->unit, read_options, fetched, analysis_.get());
      {
        std::lock_guard lock(mutex);
        slot->done = true;
      }
      slot_done.notify_one();
    }
  };
  std::vector<std::thread> workers;
  for (size_t i = 0; i < jobs; ++i) workers.emplace_back(worker);

  ExtractSummary summary;
  for (;;) {
    std::unique_ptr<Slot> slot;
    {
      std::unique_lock lock(mutex);
      slot_done.wait(lock, [&] {
        return (!slots.empty() && slots.front()->done) || (slots.empty() && reading_done);
      });
      if (slots.empty()) break;
      slot = std::move(slots.front());
      slots.pop_front();
      ++first_in_flight;
    }
    room.notify_one();
    for (const ExtractedInput& output : slot->outputs) {
      ++summary.inputs;
      if (!output.status.ok()) ++summary.failed;
      summary.articles += output.articles.size();
      if (callbacks.on_input) callbacks.on_input(output);
    }
    if (slot->unit.ends_file && callbacks.on_progress) {
      callbacks.on_progress(slot->unit.file_index + 1, file_count);
    }
  }
  reader.join();
  for (std::thread& thread : workers) thread.join();
  return summary;
}

}  // namespace newsloom
