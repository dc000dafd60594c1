#include <algorithm>
#include <array>
#include <set>

#include "common/strings.h"
#include "story/disagreements.h"

namespace newsloom::story {
namespace {

constexpr std::array<std::string_view, 5> kAgreements = {"ceasefire", "cease-fire", "truce",
                                                         "armistice", "peace"};
constexpr std::array<std::string_view, 4> kPeaceNouns = {"deal", "agreement", "accord", "treaty"};
constexpr std::array<std::string_view, 16> kNegations = {
    "no",     "not",      "never",   "without",   "won't", "can't",  "cannot", "unlikely",
    "failed", "rejected", "refused", "collapsed", "isn't", "wasn't", "hasn't", "haven't"};
constexpr std::array<std::string_view, 8> kHedges = {"potential",    "possible", "proposed",
                                                     "future",       "eventual", "prospective",
                                                     "hypothetical", "would-be"};
constexpr std::array<std::string_view, 14> kReached = {
    "agree", "agreed",  "agrees", "signed",   "sign",      "signs",  "reached",
    "reach", "reaches", "struck", "declared", "announced", "effect", "concluded"};
constexpr std::array<std::string_view, 21> kNotParties = {
    "it",       "the",    "a",        "an",     "this",   "that",    "in",
    "on",       "but",    "and",      "as",     "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "news",   "he",      "she"};

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

enum class Polarity { kNone, kReached, kDenied };

struct Claim {
  size_t sentence = 0;
  Polarity polarity = Polarity::kNone;
  std::set<std::string> parties;         // five-letter keys of capitalised names
  std::vector<std::string> party_names;  // as written, in order
};

Claim ReadClaim(const StoryCorpus& corpus, size_t s) {
  Claim claim;
  claim.sentence = s;
  std::vector<Word> words = SplitWords(corpus.sentences[s].text);
  std::vector<std::string> lower;
  for (const Word& word : words) lower.push_back(AsciiLower(word.text));
  size_t topic = words.size();
  for (size_t w = 0; w < words.size() && topic == words.size(); ++w) {
    if (!In(kAgreements, lower[w])) continue;
    if (lower[w] == "peace" && !(w + 1 < words.size() && In(kPeaceNouns, lower[w + 1]))) continue;
    topic = w;
  }
  if (topic == words.size()) return claim;
  bool denied = false;
  bool reached = false;
  for (size_t w = topic >= 8 ? topic - 8 : 0; w < std::min(words.size(), topic + 6); ++w) {
    bool before = w < topic;
    if (In(kNegations, lower[w]) && (before || w <= topic + 4)) denied = true;
    if (In(kHedges, lower[w]) && before && topic - w <= 4) denied = true;
    if (In(kReached, lower[w])) reached = true;
  }
  claim.polarity = denied ? Polarity::kDenied : reached ? Polarity::kReached : Polarity::kNone;
  for (const Word& word : words) {
    if (!IsCapitalized(word.text)) continue;
    std::string lower_word = AsciiLower(word.text);
    if (In(kNotParties, lower_word) || In(kAgreements, lower_word)) continue;
    std::string key = lower_word.substr(0, 5);
    if (claim.parties.insert(key).second) claim.party_names.emplace_back(word.text);
  }
  return claim;
}

}  // namespace

std::vector<Disagreement> FindClaimDisagreements(const StoryCorpus& corpus) {
  std::vector<Claim> claims;
  for (size_t s = 0; s < corpus.sentences.size(); ++s) {
    Claim claim = ReadClaim(corpus, s);
    if (claim.polarity != Polarity::kNone) claims.push_back(std::move(claim));
    if (claims.size() >= kMaxPairwiseCandidates) break;
  }
  std::vector<Disagreement> found;
  constexpr size_t kMaxFound = 20;
  for (const Claim& reached : claims) {
    if (found.size() >= kMaxFound) break;
    if (reached.polarity != Polarity::kReached) continue;
    const Sentence& said = corpus.sentences[reached.sentence];
    Disagreement disagreement;
    std::vector<std::string> shared_names;
    for (const Claim& denied : claims) {
      if (denied.polarity != Polarity::kDenied) continue;
      const Sentence& other = corpus.sentences[denied.sentence];
      if (other.article == said.article) continue;
      std::vector<std::string> shared;
      for (const std::string& name : reached.party_names) {
        if (denied.parties.count(AsciiLower(name).substr(0, 5))) shared.push_back(name);
      }
      if (shared.size() < 2) continue;
      if (shared.size() > shared_names.size()) shared_names = shared;
      if (disagreement.claims.size() >= 4) continue;
      disagreement.claims.push_back({std::string(other.text), corpus.articles[other.article]->id});
    }
    if (disagreement.claims.empty()) continue;
    disagreement.claims.insert(disagreement.claims.begin(),
                               {std::string(said.text), corpus.articles[said.article]->id});
    disagreement.about = "Whether an agreement (ceasefire or peace deal) was reached between ";
    for (size_t n = 0; n < shared_names.size(); ++n) {
      disagreement.about += (n == 0 ? "" : n + 1 == shared_names.size() ? " and " : ", ");
      disagreement.about += shared_names[n];
    }
    found.push_back(std::move(disagreement));
  }
  return found;
}

}  // namespace newsloom::story
