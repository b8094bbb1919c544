#!/bin/sh
# wrap_pages.sh HEADER.xml < BLOCK > CHUNK.xml
#
# Makes a block of whole <page> elements, cut from a MediaWiki dump by GNU parallel (or Spark,
# Hadoop, ...), into a valid small dump for `wikirel --json -`: the dump's own header (HEADER.xml:
# the <mediawiki ...> line and <siteinfo>, as parallel_recipe.sh saves them), the block's pages,
# then </mediawiki>.  Lines of the block before its first <page> (the first block holds the dump's
# header) and the </mediawiki> line (the last block holds the footer) are dropped, so that they do
# not end up inside the chunk.
cat "$1" || exit 1
awk '/<page>/ { pages = 1 } pages && !/^[ \t]*<\/mediawiki>/'
echo '</mediawiki>'
