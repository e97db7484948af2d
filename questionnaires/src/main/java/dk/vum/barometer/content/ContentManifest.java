package dk.vum.barometer.content;

import java.util.List;

/**
 * {@value ContentLoader#MANIFEST}: the content files to load. The classpath cannot list a folder, and an
 * explicit list lets a deployment's content folder hold notes or drafts that are not loaded.
 */
record ContentManifest(List<String> questionnaires, String checklist, String teamMeeting) {
}
