/**
 * Planted violations for the module rules (leaderlab.app.arch.ModuleRulesTest): each class breaks one
 * rule on purpose, in the package the rule guards, to show the rule fails the build. They are test
 * classes, so the real-code checks (which import only production classes) never see them.
 */
package leaderlab.kafka.planted;
