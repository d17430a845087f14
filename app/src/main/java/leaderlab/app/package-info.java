/**
 * The leaderlab entry point and, later, the JavaFX visualizer.
 */
package leaderlab.app;
