package dev.workersai.spring.binding;

import dev.workersai.runtime.WorkersAi;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Binds a generated model class named in configuration: loads it and calls its static
 * {@code on(WorkersAi)}. Every failure names the property and the class.
 */
public final class GeneratedBinding {
  private GeneratedBinding() {}

  /**
   * @param property the property that named the class, for errors
   * @param className the generated class, such as {@code dev.workersai.models.meta.Llama3_1_8bInstruct}
   * @param task the task interface it must implement
   * @throws IllegalStateException naming {@code property} when the class is missing, does not
   *     implement {@code task}, or has no static {@code on(WorkersAi)}
   */
  public static <T> T bind(String property, String className, Class<T> task, WorkersAi ai, ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(className.strip(), true, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(property + ": class " + className + " is not on the class path "
          + "(generate it with the workers-ai plugin, or depend on workers-ai-models)", e);
    }
    if (!task.isAssignableFrom(type)) {
      throw new IllegalStateException(property + ": " + className + " does not implement " + task.getName()
          + " (the model's schema does not fit the task); use the class directly");
    }
    try {
      Method on = type.getMethod("on", WorkersAi.class);
      if (!Modifier.isStatic(on.getModifiers())) {
        throw new NoSuchMethodException("on(WorkersAi) is not static");
      }
      return task.cast(on.invoke(null, ai));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalStateException(property + ": " + className + " has no public static on(WorkersAi); is it "
          + "a generated model class?", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(property + ": " + className + ".on(WorkersAi) failed: "
          + e.getCause().getMessage(), e.getCause());
    }
  }
}
