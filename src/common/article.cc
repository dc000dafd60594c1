#include "newsloom/article.h"

namespace newsloom {

std::string Article::Text() const {
  std::string text;
  for (const Paragraph& paragraph : paragraphs) {
    if (!text.empty()) text.push_back('\n');
    text += paragraph.text;
  }
  return text;
}

}  // namespace newsloom
