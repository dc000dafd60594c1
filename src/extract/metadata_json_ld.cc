#include "extract/metadata_json_ld.h"

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "common/strings.h"

namespace newsloom::extract::metadata_internal {

using Json = nlohmann::json;

struct JsonLdReader::State {
  std::vector<Json> documents;
};

namespace {

// Nodes nested deeper than this are not read; real pages stay below 6.
constexpr int kMaxJsonDepth = 16;

struct NodeRef {
  const Json* node;
  int depth;     // 0 for top-level and @graph members, +1 per nesting property
  bool in_item;  // nested in a described thing other than a page: a Product's Review
};

using IdMap = std::unordered_map<std::string, const Json*>;

const std::string* StringField(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return nullptr;
  return &it->get_ref<const std::string&>();
}

// "https://schema.org/NewsArticle" and "schema:NewsArticle" -> "NewsArticle".
std::string_view ShortType(std::string_view type) {
  size_t cut = type.find_last_of("/:#");
  if (cut != std::string_view::npos) type.remove_prefix(cut + 1);
  return type;
}

template <typename Visit>
void ForEachType(const Json& node, Visit visit) {
  auto it = node.find("@type");
  if (it == node.end()) return;
  if (it->is_string()) {
    visit(ShortType(it->get_ref<const std::string&>()));
  } else if (it->is_array()) {
    for (const Json& item : *it) {
      if (item.is_string()) visit(ShortType(item.get_ref<const std::string&>()));
    }
  }
}

bool IsPageType(std::string_view type) {
  return type.size() >= 4 && type.substr(type.size() - 4) == "Page";
}

// A typed node that describes a thing (a Product, an ItemList, an Article),
// not the page or the site that holds it.
bool DescribesAnItem(const Json& node) {
  bool item = false;
  ForEachType(node, [&](std::string_view type) {
    item = item || !(IsPageType(type) || type == "WebSite");
  });
  return item;
}

void Collect(const Json& value, int depth, bool in_item, std::vector<NodeRef>* nodes, IdMap* ids) {
  if (depth > kMaxJsonDepth) return;
  if (value.is_array()) {
    for (const Json& item : value) Collect(item, depth, in_item, nodes, ids);
    return;
  }
  if (!value.is_object()) return;
  if (value.contains("@type")) nodes->push_back({&value, depth, in_item});
  bool children_in_item = in_item || DescribesAnItem(value);
  if (const std::string* id = StringField(value, "@id"); id && value.size() > 1) {
    auto [it, inserted] = ids->emplace(*id, &value);
    // A reference-only {"@id": ...} never replaces a full node.
    if (!inserted && !it->second->contains("name") && value.contains("name")) it->second = &value;
  }
  for (auto it = value.begin(); it != value.end(); ++it) {
    if (!it->is_object() && !it->is_array()) continue;
    Collect(*it, it.key() == "@graph" ? depth : depth + 1, children_in_item, nodes, ids);
  }
}

// 0: articles and posts; 1: other authored works; -1: not article-like.
int ArticleRank(std::string_view type) {
  if (type.size() >= 7 && type.substr(type.size() - 7) == "Article") return 0;
  static constexpr std::string_view kPosts[] = {
      "BlogPosting", "LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting", "Report",
      "Question",    "Posting"};
  for (std::string_view post : kPosts) {
    if (type == post) return 0;
  }
  static constexpr std::string_view kWorks[] = {"Recipe",      "HowTo",          "Review",
                                                "VideoObject", "PodcastEpisode", "Blog"};
  for (std::string_view work : kWorks) {
    if (type == work) return 1;
  }
  return -1;
}

const Json* Resolve(const Json& value, const IdMap& ids) {
  if (!value.is_object() || value.contains("name")) return &value;
  if (const std::string* id = StringField(value, "@id")) {
    auto it = ids.find(*id);
    if (it != ids.end()) return it->second;
  }
  return &value;
}

void AddNames(const Json& value, const IdMap& ids, std::vector<std::string>* out, int depth) {
  if (depth > 3 || out->size() >= 20) return;
  if (value.is_string()) {
    out->push_back(value.get_ref<const std::string&>());
  } else if (value.is_array()) {
    for (const Json& item : value) AddNames(item, ids, out, depth + 1);
  } else if (value.is_object()) {
    const Json* node = Resolve(value, ids);
    auto name = node->find("name");
    if (name == node->end()) return;
    if (name->is_string()) {
      out->push_back(name->get_ref<const std::string&>());
    } else if (name->is_array()) {
      for (const Json& item : *name) {
        if (item.is_string()) out->push_back(item.get_ref<const std::string&>());
      }
    }
  }
}

std::string NameOf(const Json& node, const char* key, const IdMap& ids) {
  auto it = node.find(key);
  if (it == node.end()) return {};
  std::vector<std::string> names;
  AddNames(*it, ids, &names, 0);
  return names.empty() ? std::string() : names.front();
}

// Script bodies wrapped in HTML comments or CDATA markers, or holding raw
// control characters inside strings, are common; undo that before parsing.
Json ParseLenient(std::string_view text) {
  text = TrimView(text);
  for (std::string_view prefix :
       {std::string_view("<!--"), std::string_view("//<![CDATA["), std::string_view("<![CDATA[")}) {
    if (text.substr(0, prefix.size()) == prefix) text = TrimView(text.substr(prefix.size()));
  }
  for (std::string_view suffix :
       {std::string_view("-->"), std::string_view("//]]>"), std::string_view("]]>")}) {
    if (text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix) {
      text = TrimView(text.substr(0, text.size() - suffix.size()));
    }
  }
  Json parsed = Json::parse(text, nullptr, false);
  if (!parsed.is_discarded()) return parsed;
  std::string repaired(text);
  bool changed = false;
  for (char& c : repaired) {
    if (c == '\n' || c == '\r' || c == '\t') {
      c = ' ';
      changed = true;
    }
  }
  if (!changed) return parsed;
  return Json::parse(repaired, nullptr, false);
}

}  // namespace

JsonLdReader::JsonLdReader() : state_(std::make_unique<State>()) {}
JsonLdReader::~JsonLdReader() = default;

void JsonLdReader::Add(std::string_view script_text) {
  Json parsed = ParseLenient(script_text);
  if (parsed.is_discarded() || !(parsed.is_object() || parsed.is_array())) return;
  state_->documents.push_back(std::move(parsed));
}

JsonLdFacts JsonLdReader::Finish() const {
  JsonLdFacts facts;
  if (state_->documents.empty()) return facts;
  std::vector<NodeRef> nodes;
  IdMap ids;
  for (const Json& document : state_->documents)
    Collect(document, 0, /*in_item=*/false, &nodes, &ids);

  const Json* main = nullptr;
  int best_rank = 99;
  int best_depth = 99;
  const Json* page = nullptr;
  for (const NodeRef& ref : nodes) {
    int rank = -1;
    bool is_page = false;
    bool is_website = false;
    ForEachType(*ref.node, [&](std::string_view type) {
      bool seen = false;
      for (const std::string& known : facts.types) seen = seen || known == type;
      if (!seen) facts.types.emplace_back(type);
      int type_rank = ArticleRank(type);
      // A work inside another item is part of it (a product's reviews, a
      // list's recipes), not the page's own.
      if (type_rank > 0 && ref.in_item) type_rank = -1;
      if (type_rank >= 0 && (rank < 0 || type_rank < rank)) rank = type_rank;
      is_page = is_page || IsPageType(type);
      is_website = is_website || type == "WebSite";
    });
    if (rank >= 0 && (rank < best_rank || (rank == best_rank && ref.depth < best_depth))) {
      main = ref.node;
      best_rank = rank;
      best_depth = ref.depth;
    }
    if (is_page && page == nullptr) page = ref.node;
    if (is_website && facts.website_name.empty()) {
      if (const std::string* name = StringField(*ref.node, "name")) facts.website_name = *name;
    }
  }
  if (page != nullptr) {
    if (const std::string* date = StringField(*page, "datePublished")) {
      facts.page_date_published = *date;
    }
  }
  facts.has_article = main != nullptr && best_rank == 0;
  const Json* source = main != nullptr ? main : page;
  if (source == nullptr) return facts;
  ForEachType(*source, [&](std::string_view type) {
    if (facts.main_type.empty()) facts.main_type = std::string(type);
  });
  if (main != nullptr) {
    if (const std::string* headline = StringField(*main, "headline")) {
      facts.headline = *headline;
    } else if (const std::string* name = StringField(*main, "name")) {
      facts.headline = *name;
    }
  }
  for (const char* key : {"author", "creator"}) {
    if (auto it = source->find(key); it != source->end()) {
      AddNames(*it, ids, &facts.authors, 0);
      if (!facts.authors.empty()) break;
    }
  }
  if (main != nullptr) {
    for (const char* key : {"datePublished", "dateCreated", "uploadDate"}) {
      if (const std::string* date = StringField(*main, key); date && !date->empty()) {
        facts.date_published = *date;
        break;
      }
    }
  }
  if (const std::string* date = StringField(*source, "dateModified")) facts.date_modified = *date;
  if (facts.has_article) {
    if (const std::string* body = StringField(*main, "articleBody")) facts.article_body = *body;
  }
  facts.publisher_name = NameOf(*source, "publisher", ids);
  return facts;
}

}  // namespace newsloom::extract::metadata_internal
