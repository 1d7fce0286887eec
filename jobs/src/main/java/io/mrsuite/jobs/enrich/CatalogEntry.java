package io.mrsuite.jobs.enrich;

import io.mrsuite.formats.avro.Product;

/** What an event is enriched with from its product's catalog record. */
record CatalogEntry(String category, String brand) {
  static CatalogEntry of(Product product) {
    return new CatalogEntry(product.getCategory(), product.getBrand());
  }
}
