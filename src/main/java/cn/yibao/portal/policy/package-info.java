/**
 * The policy catalog: the region tree (GB/T 2260) and, per benefit year, the policy parameters, each with the
 * document (文号) and clause it comes from, read from {@code policy/} at start (docs/adr/0005).
 *
 * <p>Owns no table: the data are files, validated at start (a bad line stops the start). Rules ({@code domain}):
 * parsing a document file ({@code CatalogFile}), lookup along county → city → province → national
 * ({@code PolicyCatalog}), figure kinds. {@code web} lists the documents.
 *
 * <p>API for other modules: {@code RegionCatalog}, {@code SupportedRegions}, and the catalog values
 * ({@code PolicyCatalog}, {@code Parameter}, {@code PolicyFigure}, {@code FigureKind}, {@code Citation}); regions,
 * money and date ranges are shared values.
 */
package cn.yibao.portal.policy;
