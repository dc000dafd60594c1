// Duplicate detection measured on the shared data sets (skipped when absent):
//   - BBC dev set: every group of byte-identical texts found, no false pair;
//   - edited copies of BBC articles (cut paragraph, boilerplate, word edits,
//     new headline): precision and recall, threshold chosen on the dev half;
//   - Giveme5W1H: AP stories republished by several outlets, labelled by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "common/strings.h"
#include "dedup/dedup.h"
#include "dedup/shingles.h"
#include "dedup/testing.h"

namespace newsloom::dedup {
namespace {

struct Loaded {
  std::vector<Article> articles;
  std::vector<std::string> texts;  // as given, byte for byte
};

Loaded LoadJsonLines(const std::string& path, const char* id_field) {
  Loaded loaded;
  std::ifstream input(path);
  std::string line;
  while (std::getline(input, line)) {
    const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (!record.is_object()) continue;
    const std::string text =
        record.value("text", nlohmann::json()).is_string() ? record["text"].get<std::string>() : "";
    const std::string title = record.value("title", nlohmann::json()).is_string()
                                  ? record["title"].get<std::string>()
                                  : "";
    loaded.articles.push_back(testing::MakeArticle(record.value(id_field, ""), text, title));
    loaded.texts.push_back(text);
  }
  return loaded;
}

std::string SharedPath(const char* relative) {
  return std::string(NEWSLOOM_SHARED_DATA_DIR) + "/" + relative;
}

// The exact Jaccard similarity of two texts' shingle sets.
double TrueJaccard(const Article& a, const Article& b) {
  std::vector<uint64_t> x = ShingleHashes(WordHashes(a.Text()));
  std::vector<uint64_t> y = ShingleHashes(WordHashes(b.Text()));
  std::sort(x.begin(), x.end());
  x.erase(std::unique(x.begin(), x.end()), x.end());
  std::sort(y.begin(), y.end());
  y.erase(std::unique(y.begin(), y.end()), y.end());
  std::vector<uint64_t> shared;
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(shared));
  const size_t all = x.size() + y.size() - shared.size();
  return all == 0 ? 1 : double(shared.size()) / all;
}

TEST(DedupSharedDataTest, BbcByteIdenticalGroupsAllFoundNoFalsePair) {
  const std::string path = SharedPath("classify/bbc.jsonl");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shared data at " << path;
  const Loaded bbc = LoadJsonLines(path, "id");
  ASSERT_GT(bbc.articles.size(), 1000u);

  std::map<std::string, size_t> first_with_text;
  Deduplicator deduplicator;
  int identical = 0, found = 0, near_pairs = 0;
  std::map<std::string, size_t> index_of;
  for (size_t i = 0; i < bbc.articles.size(); ++i) {
    index_of[bbc.articles[i].id] = i;
    const std::optional<Match> match = deduplicator.AddWithMatch(bbc.articles[i]);
    const auto [first, inserted] = first_with_text.emplace(bbc.texts[i], i);
    if (!inserted) {
      ++identical;
      ASSERT_TRUE(match) << bbc.articles[i].id << " is byte-identical to "
                         << bbc.articles[first->second].id;
      EXPECT_EQ(match->kind, Match::Kind::kExact);
      EXPECT_EQ(match->canonical_id, bbc.articles[first->second].id);
      found += match && match->canonical_id == bbc.articles[first->second].id;
      continue;
    }
    if (!match) continue;
    // Not byte-identical: the pair must be the same story (an updated
    // version), never two different stories.
    const Article& canonical = bbc.articles[index_of.at(match->canonical_id)];
    const double similarity = TrueJaccard(bbc.articles[i], canonical);
    ++near_pairs;
    std::printf("near pair %s ~ %s: estimated %.2f, true Jaccard %.2f\n",
                bbc.articles[i].id.c_str(), canonical.id.c_str(), match->similarity, similarity);
    EXPECT_GE(similarity, 0.4) << bbc.articles[i].id << " ~ " << canonical.id;
  }
  std::printf("BBC: %d byte-identical repeats, %d found; %d near pairs flagged\n", identical, found,
              near_pairs);
  EXPECT_EQ(found, identical);
  EXPECT_GE(identical, 80);
}

struct Score {
  int copies = 0, true_positives = 0, false_positives = 0;
  double Precision() const {
    return true_positives + false_positives == 0
               ? 1
               : double(true_positives) / (true_positives + false_positives);
  }
  double Recall() const { return copies == 0 ? 0 : double(true_positives) / copies; }
};

// Edited copies of one half of the BBC set are looked up against that half;
// the other half's originals are looked up as negatives. A match counts as
// right when it names the copy's original or an article whose text is the
// same story (true Jaccard >= 0.5 with it: BBC holds updated versions).
Score ScoreEditedCopies(const std::vector<Article>& index_half,
                        const std::vector<Article>& other_half, double min_similarity,
                        uint64_t seed) {
  Deduplicator deduplicator({.min_similarity = min_similarity});
  std::map<std::string, const Article*> by_id;
  for (const Article& article : index_half) {
    deduplicator.Add(article);
    by_id[article.id] = &article;
  }
  std::mt19937_64 random(seed);
  std::bernoulli_distribution coin(0.5);
  std::uniform_int_distribution<int> boilerplate(0, 3), words(0, 8);
  Score score;
  auto same_story = [&](const Article& a, const std::string& id) {
    return a.id == id || TrueJaccard(a, *by_id.at(id)) >= 0.5;
  };
  for (const Article& original : index_half) {
    if (CountWords(original.Text()) < 25) continue;
    const testing::Edits edits{.cut_paragraph = coin(random),
                               .boilerplate_lines = boilerplate(random),
                               .word_edits = words(random),
                               .change_headline = coin(random)};
    const Article copy = testing::EditCopy(original, original.id + "-copy", edits, random);
    ++score.copies;
    const std::optional<Match> match = deduplicator.Find(copy);
    if (!match) continue;
    if (same_story(original, match->matched_id)) {
      ++score.true_positives;
    } else {
      ++score.false_positives;
    }
  }
  for (const Article& query : other_half) {
    const std::optional<Match> match = deduplicator.Find(query);
    if (match && !same_story(query, match->matched_id)) ++score.false_positives;
  }
  return score;
}

TEST(DedupSharedDataTest, EditedCopiesPrecisionRecall) {
  const std::string path = SharedPath("classify/bbc.jsonl");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shared data at " << path;
  Loaded bbc = LoadJsonLines(path, "id");
  // Distinct texts only, split by position into a dev half and a test half.
  std::set<std::string> seen;
  std::vector<Article> dev, test;
  for (size_t i = 0; i < bbc.articles.size(); ++i) {
    if (!seen.insert(bbc.texts[i]).second) continue;
    (seen.size() % 2 == 0 ? dev : test).push_back(bbc.articles[i]);
  }
  for (double threshold : {0.3, 0.4, 0.5, 0.6, 0.7}) {
    const Score score = ScoreEditedCopies(dev, test, threshold, 11);
    std::printf("dev  threshold %.1f: copies %d precision %.3f recall %.3f\n", threshold,
                score.copies, score.Precision(), score.Recall());
  }
  const Score score = ScoreEditedCopies(test, dev, DedupOptions().min_similarity, 12);
  std::printf("test threshold %.1f: copies %d precision %.3f recall %.3f\n",
              DedupOptions().min_similarity, score.copies, score.Precision(), score.Recall());
  EXPECT_GE(score.Precision(), 0.99);
  EXPECT_GE(score.Recall(), 0.95);
}

// AP stories in Giveme5W1H that several outlets republished, lightly edited,
// labelled by reading the texts (by the first 16 hex digits of dId).
const std::vector<std::vector<std::string>> kWireGroups = {
    {"2216ac1653dbe4e7", "5ab7894a2174f157", "7cd30fafa45129f5", "e5b73024b43cab7d"},  // subway
    {"2bb89b701ed41c2d", "710e6e0189ef7e68", "e931422d8d018f92"},  // bird on a plane
    {"2ea0c85e8b8adfd0", "4c06bb5412a15ba2"},                      // Angolan satellite
    {"96a0d67b434cdd1d", "fbac44e6686f88ce"},                      // Rihanna
    {"136fdf3b74f240dd", "4b2798693f5bf9c8", "6e874e6c55270e63"},  // Erie snowfall
    {"535543435b93281c", "74a581ab53294aa7"},                      // Goldman Sachs
};

TEST(DedupSharedDataTest, GivemeWireCopies) {
  const std::string path = SharedPath("cluster/giveme5w1h.jsonl");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shared data at " << path;
  Loaded giveme = LoadJsonLines(path, "dId");
  std::map<std::string, int> gold_group;
  for (size_t group = 0; group < kWireGroups.size(); ++group) {
    for (const std::string& id : kWireGroups[group]) gold_group[id] = int(group);
  }
  // Predicted groups: each duplicate joins its canonical article's group.
  Deduplicator deduplicator;
  std::map<std::string, std::string> predicted_group;
  for (Article& article : giveme.articles) {
    article.id = article.id.substr(0, 16);
    const std::optional<std::string> canonical = deduplicator.Add(article);
    predicted_group[article.id] = canonical ? predicted_group[*canonical] : article.id;
  }
  int true_pairs = 0, predicted_pairs = 0, gold_pairs = 0;
  std::vector<std::string> ids;
  for (const auto& [id, group] : predicted_group) ids.push_back(id);
  for (size_t i = 0; i < ids.size(); ++i) {
    for (size_t j = i + 1; j < ids.size(); ++j) {
      const bool predicted = predicted_group[ids[i]] == predicted_group[ids[j]];
      const bool gold = gold_group.count(ids[i]) && gold_group.count(ids[j]) &&
                        gold_group[ids[i]] == gold_group[ids[j]];
      predicted_pairs += predicted;
      gold_pairs += gold;
      true_pairs += predicted && gold;
      if (predicted != gold) {
        std::printf("%s pair %s %s\n", predicted ? "false" : "missed", ids[i].c_str(),
                    ids[j].c_str());
      }
    }
  }
  const double precision = predicted_pairs == 0 ? 1 : double(true_pairs) / predicted_pairs;
  const double recall = double(true_pairs) / gold_pairs;
  std::printf("Giveme5W1H wire copies: %d gold pairs, %d predicted, precision %.3f recall %.3f\n",
              gold_pairs, predicted_pairs, precision, recall);
  EXPECT_GE(precision, 0.99);
  EXPECT_GE(recall, 0.75);
}

}  // namespace
}  // namespace newsloom::dedup
