"""The authoring studio: pages where authors create, edit, validate and publish challenges."""
