#ifndef WIKIREL_ARTICLE_HPP
#define WIKIREL_ARTICLE_HPP

// wikirel: the structure of wiki articles. Include this header for everything:
//
//     #include <wikirel/article.hpp>
//
//     const auto article = wikirel::parse(text);
//     for (const auto& s : article.sections()) …
//     for (const auto& e : article.timeline()) …

#include "basic_article.hpp"
#include "citation.hpp"
#include "date.hpp"
#include "diagnostic.hpp"
#include "event.hpp"
#include "options.hpp"
#include "parse.hpp"
#include "section.hpp"
#include "storage.hpp"
#include "temporal.hpp"
#include "version.hpp"

#endif
