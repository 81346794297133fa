"""Geometry in metres on WGS84: boundaries, geodesic measures, the gazetteer."""
