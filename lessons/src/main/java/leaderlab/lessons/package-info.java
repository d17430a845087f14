/**
 * Markdown lessons: format, player and lesson files.
 */
package leaderlab.lessons;
